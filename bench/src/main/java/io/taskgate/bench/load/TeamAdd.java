package io.taskgate.bench.load;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Part (c): add a 1,000-person team's people to a fresh project through the API, as the
 * workspace owner; several fresh projects, each timed once, then the same call repeated (which
 * adds nobody). The projects are deleted afterwards.
 */
final class TeamAdd {

    record Result(long[] firstCall, long[] repeatCall, int added, int skipped) {
    }

    private final Http http;
    private final PrintStream out;

    TeamAdd(Http http, PrintStream out) {
        this.http = http;
        this.out = out;
    }

    /** A team of {@link WorkspaceModel#BIG_TEAM_SIZE} people that is a member of no project. */
    static String bigTeam(Connection db, String ws) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement("""
                select tm.team_id from team_member tm where tm.workspace_id = ?
                   and not exists (select 1 from project_member pm where pm.workspace_id = tm.workspace_id
                                      and pm.principal_type = 'team' and pm.principal_id = tm.team_id)
                 group by tm.team_id having count(*) = ? order by tm.team_id limit 1
                """)) {
            statement.setString(1, ws);
            statement.setInt(2, WorkspaceModel.BIG_TEAM_SIZE);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no team of " + WorkspaceModel.BIG_TEAM_SIZE + " in " + ws);
                }
                return rs.getString(1);
            }
        }
    }

    Result run(String ws, Principals.Actor owner, String teamId, int projects) {
        String base = "/api/v1/workspaces/" + ws + "/projects";
        List<String> created = new ArrayList<>();
        long[] first = new long[projects];
        long[] repeat = new long[projects];
        int added = 0;
        int skipped = 0;
        // One untimed call first, so the first timed one does not pay for class loading and JIT.
        String warm = createProject(base, owner, "team-add warm-up");
        created.add(warm);
        addTeam(base, owner, warm, teamId);
        for (int i = 0; i < projects; i++) {
            String project = createProject(base, owner, "team-add " + i);
            created.add(project);
            long start = System.nanoTime();
            Http.Response response = addTeam(base, owner, project, teamId);
            first[i] = System.nanoTime() - start;
            added = count(response.body(), "\"added\"");
            skipped = count(response.body(), "\"skipped\"");
            start = System.nanoTime();
            addTeam(base, owner, project, teamId);
            repeat[i] = System.nanoTime() - start;
            out.printf(Locale.ROOT, "  project %d: first call %.1f ms, repeated %.1f ms | load %s%n", i + 1,
                    first[i] / 1e6, repeat[i] / 1e6, Stats.load());
        }
        for (String project : created) {
            Http.Response response = http.delete(base + "/" + project, owner.token());
            if (response.status() != 204) {
                out.println("  ! could not delete project " + project + ": " + response.status());
            }
        }
        return new Result(first, repeat, added, skipped);
    }

    private String createProject(String base, Principals.Actor owner, String name) {
        Http.Response response = http.post(base, owner.token(),
                "{\"name\":" + Http.json(name) + ",\"visibility\":\"private\",\"description\":\"\"}");
        if (response.status() != 201) {
            throw new IllegalStateException("create project: " + response.status() + " " + response.abbreviated());
        }
        return response.field("id");
    }

    private Http.Response addTeam(String base, Principals.Actor owner, String project, String teamId) {
        Http.Response response = http.post(base + "/" + project + "/teams/" + teamId + "/members", owner.token(),
                "{\"addAsEditor\":true}");
        if (response.status() != 200) {
            throw new IllegalStateException("team add: " + response.status() + " " + response.abbreviated());
        }
        return response;
    }

    /** How many people a list of the answer holds: the entries between its key and the next list. */
    private static int count(String body, String key) {
        int start = body.indexOf(key);
        if (start < 0) {
            return 0;
        }
        int end = body.indexOf("]", start);
        int entries = 0;
        for (int i = body.indexOf("\"principalId\"", start); i >= 0 && i < end;
                i = body.indexOf("\"principalId\"", i + 1)) {
            entries++;
        }
        return entries;
    }
}
