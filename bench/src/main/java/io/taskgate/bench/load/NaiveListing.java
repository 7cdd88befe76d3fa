package io.taskgate.bench.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.taskgate.access.AccessPolicy;
import io.taskgate.access.Action;
import io.taskgate.access.PrincipalFacts;
import io.taskgate.access.TaskResource;

/**
 * "List my visible tasks" the naive way: load the principal's facts, then pages of the
 * workspace's tasks in id order, and ask the decision core about each one — loading each project
 * task's project facts for it, one query per task — until a page of visible tasks is filled.
 */
final class NaiveListing {

    private static final int BATCH = 200;

    private final Connection db;
    private final Facts facts;
    private final PreparedStatement batch;
    private final PreparedStatement placements;

    NaiveListing(Connection db) throws SQLException {
        this.db = db;
        this.facts = new Facts(db);
        this.batch = db.prepareStatement("select " + HandListing.TASK_COLUMNS + " from task t where t.workspace_id = ? and t.id > ? order by t.id limit " + BATCH);
        this.placements = db.prepareStatement("""
                select task_id, list_id, sort_order from task_in_list
                 where workspace_id = ? and task_id = any(?) order by list_id
                """);
    }

    /** One page: the ids of the first {@code limit} visible tasks after {@code after}, and how many were checked. */
    record Result(List<String> ids, long checked) {
    }

    Result page(String ws, String type, String me, String after, int limit) throws SQLException {
        PrincipalFacts principal = facts.principal(ws, type, me);
        List<String> visible = new ArrayList<>();
        long checked = 0;
        String cursor = after;
        boolean more = true;
        while (visible.size() < limit && more) {
            batch.setString(1, ws);
            batch.setString(2, cursor);
            int rows = 0;
            List<Object[]> loaded = new ArrayList<>();
            try (ResultSet rs = batch.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    Object[] row = new Object[16];
                    for (int c = 0; c < 16; c++) {
                        row[c] = rs.getObject(c + 1);
                    }
                    loaded.add(row);
                }
            }
            more = rows == BATCH;
            for (Object[] row : loaded) {
                String id = (String) row[1];
                cursor = id;
                checked++;
                TaskResource task = switch ((String) row[2]) {
                    case "project" -> TaskResource.ofProject(id, facts.project(ws, principal, (String) row[3]),
                            (String) row[11], (String) row[10]);
                    case "staff" -> TaskResource.ofStaff(id, (String) row[11], String.valueOf(row[10]));
                    default -> TaskResource.ofPrivate(id, (String) row[11]);
                };
                if (AccessPolicy.decide(principal, Action.TASK_READ, task).allowed()) {
                    visible.add(id);
                    if (visible.size() == limit) {
                        break;
                    }
                }
            }
        }
        if (!visible.isEmpty()) {
            placements.setString(1, ws);
            placements.setArray(2, db.createArrayOf("varchar", visible.toArray()));
            try (ResultSet rs = placements.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
        }
        return new Result(visible, checked);
    }
}
