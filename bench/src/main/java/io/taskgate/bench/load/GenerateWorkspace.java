package io.taskgate.bench.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Fills a migrated PostgreSQL database with one realistic workspace (see {@link WorkspaceModel}
 * for its shape) using COPY, with a progress bar. Usage (see docs/benchmarks.md):
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.taskgate.bench.load.GenerateWorkspace \
 *     [--db jdbc:postgresql://127.0.0.1:5432/taskgate_bench] [--db-user postgres] [--db-password ""] \
 *     [--workspace big] [--tasks 1000000] [--projects 10000] [--principals 5000] [--seed 42] [--replace]
 * </pre>
 *
 * The workspace's id is {@code ws_bench_<label>}; its users are {@code user<n>@<label>.bench.taskgate.test}
 * with password {@value BenchIds#PASSWORD}, user 0 is the owner; API key tokens follow from key ids
 * ({@link BenchIds#apiKeyToken}).
 */
public final class GenerateWorkspace {

    private GenerateWorkspace() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        var shape = new WorkspaceModel.Shape(options.get("workspace", "big"),
                options.integer("principals", 5_000), options.integer("projects", 10_000),
                options.longValue("tasks", 1_000_000), options.longValue("seed", 42));
        long began = System.nanoTime();
        try (Connection db = options.connect()) {
            requireSchema(db);
            String workspaceId = BenchIds.workspaceId(shape.label());
            if (exists(db, workspaceId)) {
                if (!options.flag("replace")) {
                    System.err.println("Workspace " + workspaceId + " already exists: pass --replace to regenerate it.");
                    System.exit(2);
                }
                System.out.println("Deleting the existing " + workspaceId + " …");
                Cleanup.deleteWorkspace(db, shape.label());
            }
            System.out.printf(Locale.ROOT, "Generating workspace %s: %,d principals, %,d projects, %,d tasks (seed %d)%n",
                    workspaceId, shape.principals(), shape.projects(), shape.tasks(), shape.seed());
            WorkspaceModel model = WorkspaceModel.generate(shape, Instant.now());
            db.setAutoCommit(false);
            writeDirectory(db, model);
            writeProjects(db, model);
            writeTasks(db, model);
            db.commit();
            db.setAutoCommit(true);
            System.out.println("  vacuum analyze …");
            try (Statement statement = db.createStatement()) {
                for (String table : List.of("user_account", "workspace_member", "api_client", "api_key", "team",
                        "team_member", "project", "project_member", "task_list", "task", "task_in_list",
                        "principal_custom_role", "custom_role_permission", "position_manager")) {
                    statement.execute("vacuum analyze " + table);
                }
            }
        }
        System.out.printf(Locale.ROOT, "Done in %.1f s.%n", (System.nanoTime() - began) / 1e9);
    }

    private static void requireSchema(Connection db) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery("select count(*) from information_schema.tables"
                        + " where table_schema = current_schema() and table_name in ('task', 'project_member')")) {
            rs.next();
            if (rs.getInt(1) < 2) {
                System.err.println("The database has no Taskgate schema. Migrate it first by starting the server"
                        + " against it once, e.g.\n  java -Dspring.context.exit=onRefresh -jar"
                        + " server/target/taskgate-server-exec.jar --spring.datasource.url=<the same jdbc url>"
                        + " --spring.datasource.username=postgres");
                System.exit(2);
            }
        }
    }

    private static boolean exists(Connection db, String workspaceId) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement("select 1 from workspace where workspace_id = ?")) {
            statement.setString(1, workspaceId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void writeDirectory(Connection db, WorkspaceModel model) throws SQLException {
        String ws = model.workspaceId;
        Instant at = model.start.minus(Duration.ofDays(120));
        String owner = model.users.getFirst().id();
        try (CopyWriter copy = new CopyWriter(db, "workspace", "workspace_id, name, created_at, created_by")) {
            copy.row(ws, "Bench " + model.shape.label(), at, owner);
        }
        var progress = new Progress(System.out, "people", model.users.size());
        try (CopyWriter copy = new CopyWriter(db, "user_account",
                "id, email, email_normalized, name, password_hash, created_at")) {
            for (WorkspaceModel.User user : model.users) {
                copy.row(user.id(), user.email(), user.email(), user.name(), BenchIds.PASSWORD_HASH, at);
            }
        }
        try (CopyWriter copy = new CopyWriter(db, "workspace_member",
                "workspace_id, user_id, role, active, added_at, added_by")) {
            for (WorkspaceModel.User user : model.users) {
                copy.row(ws, user.id(), user.role(), user.active(), at, owner);
            }
        }
        try (CopyWriter roles = new CopyWriter(db, "custom_role", "workspace_id, id, name, created_at")) {
            for (WorkspaceModel.CustomRole role : model.customRoles) {
                roles.row(ws, role.id(), role.name(), at);
            }
        }
        try (CopyWriter permissions = new CopyWriter(db, "custom_role_permission",
                "workspace_id, role_id, permission")) {
            for (WorkspaceModel.CustomRole role : model.customRoles) {
                for (String permission : role.permissions()) {
                    permissions.row(ws, role.id(), permission);
                }
            }
        }
        try (CopyWriter holders = new CopyWriter(db, "principal_custom_role",
                "workspace_id, principal_type, principal_id, role_id")) {
            for (WorkspaceModel.User user : model.users) {
                for (String role : user.customRoleIds()) {
                    holders.row(ws, "user", user.id(), role);
                }
            }
        }
        progress.finish(model.users.size());
        progress = new Progress(System.out, "api clients", model.clients.size());
        try (CopyWriter copy = new CopyWriter(db, "api_client",
                "workspace_id, id, name, role, access_level, active, created_at, created_by")) {
            for (WorkspaceModel.Client client : model.clients) {
                copy.row(ws, client.id(), client.name(), client.role(), client.level(), client.active(), at, owner);
            }
        }
        try (CopyWriter copy = new CopyWriter(db, "api_key",
                "workspace_id, id, api_client_id, name, secret_hash, created_at, created_by, expires_at, revoked_at")) {
            for (WorkspaceModel.Client client : model.clients) {
                copy.row(ws, client.keyId(), client.id(), "production", hash(client.keyId()), at, owner, null, null);
                if (client.revokedKeyId() != null) {
                    copy.row(ws, client.revokedKeyId(), client.id(), "leaked", hash(client.revokedKeyId()), at, owner,
                            null, at.plus(Duration.ofDays(30)));
                }
                if (client.expiredKeyId() != null) {
                    copy.row(ws, client.expiredKeyId(), client.id(), "trial", hash(client.expiredKeyId()), at, owner,
                            at.plus(Duration.ofDays(14)), null);
                }
            }
        }
        progress.finish(model.clients.size());
        List<WorkspaceModel.Team> teams = new ArrayList<>(model.teams);
        teams.addAll(model.bigTeams);
        progress = new Progress(System.out, "teams", teams.size());
        try (CopyWriter copy = new CopyWriter(db, "team", "workspace_id, id, name, created_at")) {
            for (WorkspaceModel.Team team : teams) {
                copy.row(ws, team.id(), team.name(), at);
            }
        }
        try (CopyWriter copy = new CopyWriter(db, "team_member",
                "workspace_id, team_id, principal_type, principal_id, added_at")) {
            for (WorkspaceModel.Team team : teams) {
                for (WorkspaceModel.Principal member : team.members()) {
                    copy.row(ws, team.id(), member.type(), member.id(), at);
                }
            }
        }
        progress.finish(teams.size());
        try (CopyWriter copy = new CopyWriter(db, "job_position", "workspace_id, id, name, created_at")) {
            for (WorkspaceModel.Position position : model.positions) {
                copy.row(ws, position.id(), position.name(), at);
            }
        }
        try (CopyWriter copy = new CopyWriter(db, "position_manager", "workspace_id, position_id, user_id")) {
            for (WorkspaceModel.Position position : model.positions) {
                for (String user : position.managers()) {
                    copy.row(ws, position.id(), user);
                }
            }
        }
        try (CopyWriter copy = new CopyWriter(db, "position_staff", "workspace_id, position_id, user_id")) {
            for (WorkspaceModel.Position position : model.positions) {
                for (String user : position.staff()) {
                    copy.row(ws, position.id(), user);
                }
            }
        }
    }

    private static String hash(String keyId) {
        return BenchIds.secretHash(BenchIds.apiKeyToken(keyId));
    }

    private static void writeProjects(Connection db, WorkspaceModel model) throws SQLException {
        String ws = model.workspaceId;
        var progress = new Progress(System.out, "projects", model.projects.size());
        try (CopyWriter copy = new CopyWriter(db, "project",
                "workspace_id, id, name, description, visibility, created_at, created_by, updated_at")) {
            for (WorkspaceModel.Project project : model.projects) {
                copy.row(ws, project.id, project.name, "", project.visibility, project.createdAt, project.createdBy,
                        project.createdAt);
            }
        }
        long memberships = 0;
        try (CopyWriter copy = new CopyWriter(db, "project_member",
                "workspace_id, project_id, principal_type, principal_id, role, added_at, added_by")) {
            int done = 0;
            for (WorkspaceModel.Project project : model.projects) {
                for (Map.Entry<String, WorkspaceModel.Membership> member : project.members.entrySet()) {
                    copy.row(ws, project.id, member.getValue().type(), member.getKey(), member.getValue().role(),
                            project.createdAt, project.createdBy);
                }
                progress.update(++done);
            }
            memberships = copy.rows();
        }
        try (CopyWriter copy = new CopyWriter(db, "task_list",
                "workspace_id, project_id, id, name, sort_order, created_at, created_by, updated_at")) {
            String[] names = {"Backlog", "This week", "Doing", "Review", "Done", "Ideas"};
            for (WorkspaceModel.Project project : model.projects) {
                for (int l = 0; l < project.listIds.size(); l++) {
                    copy.row(ws, project.id, project.listIds.get(l), names[l % names.length], l + 1,
                            project.createdAt, project.createdBy, project.createdAt);
                }
            }
        }
        progress.finish(model.projects.size());
        System.out.printf(Locale.ROOT, "  %,d project memberships%n", memberships);
    }

    private static void writeTasks(Connection db, WorkspaceModel model) throws SQLException {
        String ws = model.workspaceId;
        Random random = model.random();
        BenchIds ids = model.ids();
        long total = model.shape.tasks();
        // Most projects are small, a few are big: a log-normal weight per project.
        double[] weights = new double[model.projects.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.exp(random.nextGaussian() * 1.1);
        }
        var pickProject = new WorkspaceModel.Weighted<>(model.projects, weights);
        long spanMillis = Duration.between(model.start, model.end).toMillis();
        List<String> placedTasks = new ArrayList<>();
        List<String> placedLists = new ArrayList<>();
        List<Integer> placedOrders = new ArrayList<>();
        Map<String, Integer> nextOrder = new HashMap<>();
        String[] statuses = {"pending", "pending", "pending", "in-progress", "in-progress", "completed", "completed",
            "blocked"};
        String[] priorities = {"low", "medium", "medium", "high"};
        var progress = new Progress(System.out, "tasks", total);
        try (CopyWriter copy = new CopyWriter(db, "task", "workspace_id, id, type, project_id, title, description,"
                + " status, priority, due_at, blockers, assignee_id, created_by, created_at, updated_by, updated_at,"
                + " version")) {
            for (long i = 0; i < total; i++) {
                Instant createdAt = model.start.plusMillis(spanMillis * i / total);
                String id = ids.next("task", createdAt.toEpochMilli());
                int kind = random.nextInt(100);
                String type;
                String projectId = null;
                String creator;
                String assignee = null;
                if (kind < 88) {
                    WorkspaceModel.Project project = pickProject.next(random);
                    type = "project";
                    projectId = project.id;
                    creator = project.creators.get(random.nextInt(project.creators.size()));
                    if (random.nextInt(100) < 55) {
                        assignee = project.assignees.get(random.nextInt(project.assignees.size()));
                    }
                    if (!project.listIds.isEmpty() && random.nextInt(100) < 75) {
                        int placements = random.nextInt(15) == 0 ? 2 : 1;
                        int first = random.nextInt(project.listIds.size());
                        for (int p = 0; p < placements && p < project.listIds.size(); p++) {
                            String list = project.listIds.get((first + p) % project.listIds.size());
                            placedTasks.add(id);
                            placedLists.add(list);
                            placedOrders.add(nextOrder.merge(list, 1, Integer::sum));
                        }
                    }
                } else if (kind < 96) {
                    type = "private";
                    creator = model.activeUserIds.get(random.nextInt(model.activeUserIds.size()));
                } else {
                    type = "staff";
                    creator = model.staffLeads.get(random.nextInt(model.staffLeads.size()));
                    assignee = model.activeUserIds.get(random.nextInt(model.activeUserIds.size()));
                }
                String status = statuses[random.nextInt(statuses.length)];
                Instant dueAt = random.nextInt(100) < 45 ? createdAt.plus(Duration.ofDays(1 + random.nextInt(60)))
                        : null;
                String blockers = status.equals("blocked") ? "[\"Waiting for " + Names.person(random) + "\"]" : "[]";
                boolean edited = random.nextInt(3) == 0;
                Instant updatedAt = edited ? min(createdAt.plus(Duration.ofHours(1 + random.nextInt(240))), model.end)
                        : createdAt;
                String updatedBy = edited && assignee != null ? assignee : creator;
                copy.row(ws, id, type, projectId, Names.title(random), Names.description(random), status,
                        priorities[random.nextInt(priorities.length)], dueAt, blockers, assignee, creator, createdAt,
                        updatedBy, updatedAt, edited ? 2 : 1);
                progress.update(i + 1);
            }
        }
        progress.finish(total);
        progress = new Progress(System.out, "list placements", placedTasks.size());
        try (CopyWriter copy = new CopyWriter(db, "task_in_list", "workspace_id, list_id, task_id, sort_order")) {
            for (int i = 0; i < placedTasks.size(); i++) {
                copy.row(ws, placedLists.get(i), placedTasks.get(i), placedOrders.get(i));
                progress.update(i + 1);
            }
        }
        progress.finish(placedTasks.size());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
