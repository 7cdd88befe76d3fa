package io.taskgate.bench.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the principals a benchmark acts as, by what they can see, from the generated data:
 * whoever generated it, the same query finds the same kind of principal.
 */
final class Principals {

    /** A principal to act as, with the bearer token that authenticates it. */
    record Actor(String label, String type, String id, String token, int directProjects) {
    }

    private final Connection db;
    private final Http http;
    private final String workspaceId;

    Principals(Connection db, Http http, String workspaceId) {
        this.db = db;
        this.http = http;
        this.workspaceId = workspaceId;
    }

    /** People of a workspace role with no custom role, by number of direct memberships (the median one). */
    private static final String USERS_BY_MEMBERSHIPS = """
            select wm.user_id, a.email, count(pm.project_id) as projects
              from workspace_member wm
              join user_account a on a.id = wm.user_id
              left join project_member pm on pm.workspace_id = wm.workspace_id and pm.principal_type = 'user'
                   and pm.principal_id = wm.user_id
             where wm.workspace_id = ? and wm.role = ? and wm.active
               and not exists (select 1 from principal_custom_role r where r.workspace_id = wm.workspace_id
                                  and r.principal_type = 'user' and r.principal_id = wm.user_id)
             group by wm.user_id, a.email
             order by count(pm.project_id), wm.user_id
            """;

    private static final String CLIENTS_BY_MEMBERSHIPS = """
            select c.id, k.id, count(pm.project_id) as projects
              from api_client c
              join api_key k on k.workspace_id = c.workspace_id and k.api_client_id = c.id
                   and k.revoked_at is null and k.expires_at is null
              left join project_member pm on pm.workspace_id = c.workspace_id and pm.principal_type = 'api_client'
                   and pm.principal_id = c.id
             where c.workspace_id = ? and c.access_level = ? and c.role = 'member' and c.active
             group by c.id, k.id
             order by count(pm.project_id), c.id
            """;

    /** A licensed member with the median number of direct project memberships: sees every public project. */
    Actor typicalMember() throws SQLException {
        List<String[]> rows = rows(USERS_BY_MEMBERSHIPS, "member");
        String[] median = rows.get(rows.size() / 2);
        return new Actor("member (median)", "user", median[0], http.logIn(median[1]), Integer.parseInt(median[2]));
    }

    /** A guest in three projects (or the closest to three): sees only those. */
    Actor guestInFewProjects() throws SQLException {
        List<String[]> rows = rows(USERS_BY_MEMBERSHIPS, "guest");
        String[] chosen = rows.stream().filter(row -> row[2].equals("3")).findFirst().orElse(rows.getFirst());
        return new Actor("guest (few projects)", "user", chosen[0], http.logIn(chosen[1]),
                Integer.parseInt(chosen[2]));
    }

    /** A read_write API client with the median number of memberships: reaches only those projects. */
    Actor readWriteClient() throws SQLException {
        List<String[]> rows = rows(CLIENTS_BY_MEMBERSHIPS, "read_write");
        String[] median = rows.get(rows.size() / 2);
        return new Actor("api client read_write", "api_client", median[0], BenchIds.apiKeyToken(median[1]),
                Integer.parseInt(median[2]));
    }

    /** A global API client of role member: reaches every project as editor. */
    Actor globalClient() throws SQLException {
        List<String[]> rows = rows(CLIENTS_BY_MEMBERSHIPS, "global");
        String[] first = rows.getFirst();
        return new Actor("api client global", "api_client", first[0], BenchIds.apiKeyToken(first[1]),
                Integer.parseInt(first[2]));
    }

    /** The owner (user 0 of the generator): may do anything, e.g. create projects and add teams. */
    Actor owner() throws SQLException {
        try (PreparedStatement statement = db.prepareStatement("""
                select a.id, a.email from workspace_member wm join user_account a on a.id = wm.user_id
                 where wm.workspace_id = ? and wm.role = 'owner' and wm.active order by a.id limit 1
                """)) {
            statement.setString(1, workspaceId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new Actor("owner", "user", rs.getString(1), http.logIn(rs.getString(2)), 0);
            }
        }
    }

    /**
     * Licensed members holding creator or a stronger role directly in at least three projects,
     * for the create benchmark: {@code count} of them, spread over the membership distribution.
     */
    List<Actor> creators(int count) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement("""
                select wm.user_id, a.email, count(*) from workspace_member wm
                  join user_account a on a.id = wm.user_id
                  join project_member pm on pm.workspace_id = wm.workspace_id and pm.principal_type = 'user'
                       and pm.principal_id = wm.user_id and pm.role in ('creator', 'editor', 'manager')
                 where wm.workspace_id = ? and wm.role = 'member' and wm.active
                 group by wm.user_id, a.email having count(*) >= 3 order by wm.user_id
                """)) {
            statement.setString(1, workspaceId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
        }
        List<Actor> actors = new ArrayList<>();
        for (int i = 0; i < count && !rows.isEmpty(); i++) {
            String[] row = rows.get((int) ((long) i * rows.size() / count));
            actors.add(new Actor("creator " + i, "user", row[0], http.logIn(row[1]), Integer.parseInt(row[2])));
        }
        return actors;
    }

    /** An API client of the access level with creator or a stronger role directly in at least three projects. */
    Actor clientCreator(String level) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement("""
                select c.id, k.id from api_client c
                  join api_key k on k.workspace_id = c.workspace_id and k.api_client_id = c.id
                       and k.revoked_at is null and k.expires_at is null
                 where c.workspace_id = ? and c.access_level = ? and c.active
                   and (c.access_level = 'global' or 3 <= (select count(*) from project_member pm
                         where pm.workspace_id = c.workspace_id and pm.principal_type = 'api_client'
                           and pm.principal_id = c.id and pm.role in ('creator', 'editor', 'manager')))
                 order by c.id limit 1
                """)) {
            statement.setString(1, workspaceId);
            statement.setString(2, level);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no " + level + " api client that may create tasks");
                }
                return new Actor("api client " + level, "api_client", rs.getString(1),
                        BenchIds.apiKeyToken(rs.getString(2)), 0);
            }
        }
    }

    private List<String[]> rows(String sql, String parameter) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, workspaceId);
            statement.setString(2, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("no " + parameter + " principal in " + workspaceId);
        }
        return rows;
    }
}
