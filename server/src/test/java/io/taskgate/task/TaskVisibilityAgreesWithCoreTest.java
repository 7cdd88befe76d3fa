package io.taskgate.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.taskgate.TaskgateApplication;
import io.taskgate.access.AccessLevel;
import io.taskgate.access.AccessPolicy;
import io.taskgate.access.Action;
import io.taskgate.access.ApiClientFacts;
import io.taskgate.access.CredentialState;
import io.taskgate.access.PrincipalFacts;
import io.taskgate.access.ProjectFacts;
import io.taskgate.access.ProjectRole;
import io.taskgate.access.TaskResource;
import io.taskgate.access.UserFacts;
import io.taskgate.access.Visibility;
import io.taskgate.access.WorkspacePermission;
import io.taskgate.access.WorkspaceRole;
import io.taskgate.testing.TestDatabase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The task listing's SQL and the decision core must agree: random workspaces with private,
 * project and staff tasks are written to the real database (H2, then PostgreSQL), and for every
 * (principal, task) pair the task is listed if and only if the core allows {@code task.read} —
 * through both ways the listing finds project tasks (project by project, and walking the
 * workspace), paged through small pages by cursor, with and without a filter, each task once with
 * its lists.
 */
@Tag("database")
class TaskVisibilityAgreesWithCoreTest {

    private static ConfigurableApplicationContext context;
    private static final AtomicLong checks = new AtomicLong();

    @BeforeContainer
    static void start() {
        TestDatabase.Settings db = TestDatabase.settings();
        context = new SpringApplicationBuilder(TaskgateApplication.class).web(WebApplicationType.NONE).run(
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(), "--spring.jmx.enabled=false");
    }

    @AfterContainer
    static void stop() {
        System.out.println("TaskVisibilityAgreesWithCoreTest: " + checks.get() + " (principal, task) pairs checked");
        context.close();
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 60)
    void listingShowsExactlyTheTasksTheCoreLetsEachPrincipalRead(@ForAll("seeds") long seed) {
        Random random = new Random(seed);
        World world = World.generate(random);
        world.write(context.getBean(JdbcClient.class));
        TaskQuery query = context.getBean(TaskQuery.class);

        for (World.Principal principal : world.principals) {
            PrincipalFacts facts = world.facts(principal);
            TaskQuery.Filter filter = world.randomFilter(random);
            List<String> allowed = new ArrayList<>();
            for (World.Task task : world.tasks) {
                if (AccessPolicy.decide(facts, Action.TASK_READ, world.resource(principal, task)).allowed()
                        && world.matches(task, filter)) {
                    allowed.add(task.id() + " in " + task.lists());
                }
                checks.incrementAndGet();
            }
            // Project by project (any number of projects counts as few), walking (none does), and the default.
            for (int byProjectLimit : new int[] {Integer.MAX_VALUE - 1, 0, TaskQuery.BY_PROJECT_LIMIT}) {
                int pageSize = 1 + random.nextInt(4);
                List<String> listed = new ArrayList<>();
                String after = null;
                while (true) {
                    List<Tasks.Task> page = query.page(world.workspaceId, principal.type(), principal.id(),
                            TaskReadScope.of(facts), filter, after, pageSize, byProjectLimit);
                    page.forEach(task -> listed.add(task.id() + " in "
                            + task.lists().stream().map(TaskFields.Placement::id).toList()));
                    if (page.size() < pageSize) {
                        break;
                    }
                    after = page.getLast().id();
                }
                assertThat(listed).as("seed %d, %s, filter %s, by-project limit %d", seed, facts, filter,
                        byProjectLimit).isEqualTo(allowed);
            }
        }
    }

    /** A random workspace: people, API clients, custom roles, teams, projects, memberships and tasks. */
    static final class World {
        record Principal(String type, String id, WorkspaceRole role, boolean active, AccessLevel level,
                CredentialState credential, Set<WorkspacePermission> custom) {
        }

        record Project(String id, Visibility visibility, Map<String, ProjectRole> members, List<String> lists) {
        }

        record Task(String id, String type, String projectId, String createdBy, String assigneeId, String status,
                List<String> lists) {
        }

        private static final AtomicLong SEQUENCE = new AtomicLong();
        private static final List<WorkspacePermission> PERMISSIONS = List.of(WorkspacePermission.PROJECTS_READ_ALL,
                WorkspacePermission.PROJECTS_MANAGE_ALL, WorkspacePermission.TASKS_EDIT_ALL,
                WorkspacePermission.STAFF_TASKS_MANAGE);
        private static final List<String> STATUSES = List.of("pending", "in-progress", "blocked", "completed");

        final String workspaceId = "ws_taskprop" + SEQUENCE.incrementAndGet() + "_" + System.nanoTime() % 100_000;
        final List<Principal> principals = new ArrayList<>();
        final Map<String, Set<String>> teamsOf = new HashMap<>();
        final List<String> teams = new ArrayList<>();
        final List<Project> projects = new ArrayList<>();
        final List<Task> tasks = new ArrayList<>();

        static World generate(Random random) {
            World world = new World();
            int users = 3 + random.nextInt(6);
            int clients = 1 + random.nextInt(4);
            WorkspaceRole[] roles = WorkspaceRole.values();
            for (int i = 0; i < users + clients; i++) {
                boolean user = i < users;
                String id = (user ? "usr_" : "cli_") + world.workspaceId + "_" + i;
                Set<WorkspacePermission> custom = EnumSet.noneOf(WorkspacePermission.class);
                if (random.nextInt(4) == 0) {
                    custom.add(PERMISSIONS.get(random.nextInt(PERMISSIONS.size())));
                }
                CredentialState credential = user || random.nextInt(5) > 0 ? CredentialState.ACTIVE
                        : random.nextBoolean() ? CredentialState.REVOKED : CredentialState.EXPIRED;
                world.principals.add(new Principal(user ? "user" : "api_client", id, roles[random.nextInt(4)],
                        random.nextInt(8) > 0, AccessLevel.values()[random.nextInt(3)], credential, custom));
                world.teamsOf.put(id, new HashSet<>());
            }
            for (int t = 0; t < random.nextInt(4); t++) {
                String team = "team_" + world.workspaceId + "_" + t;
                world.teams.add(team);
                for (Principal principal : world.principals) {
                    if (random.nextInt(3) == 0) {
                        world.teamsOf.get(principal.id()).add(team);
                    }
                }
            }
            ProjectRole[] projectRoles = ProjectRole.values();
            for (int p = 0; p < 2 + random.nextInt(8); p++) {
                Map<String, ProjectRole> members = new HashMap<>();
                for (Principal principal : world.principals) {
                    if (random.nextInt(4) == 0) {
                        ProjectRole role = projectRoles[random.nextInt(projectRoles.length)];
                        boolean guestUser = principal.type().equals("user") && principal.role() == WorkspaceRole.GUEST;
                        members.put(principal.id(), guestUser && role.atLeast(ProjectRole.CREATOR)
                                ? ProjectRole.COLLABORATOR : role);
                    }
                }
                for (String team : world.teams) {
                    if (random.nextInt(3) == 0) {
                        members.put(team, projectRoles[random.nextInt(projectRoles.length)]);
                    }
                }
                String projectId = "prj_" + world.workspaceId + "_" + p;
                List<String> lists = new ArrayList<>();
                for (int l = 0; l < random.nextInt(3); l++) {
                    lists.add("lst_" + projectId + "_" + l);
                }
                world.projects.add(new Project(projectId, random.nextBoolean() ? Visibility.PUBLIC : Visibility.PRIVATE,
                        members, lists));
            }
            int taskCount = 10 + random.nextInt(50);
            for (int n = 0; n < taskCount; n++) {
                // Ids sort like the server's: by creation, here by n.
                String id = String.format("task_%05d_%s", n, world.workspaceId);
                Principal creator = world.principals.get(random.nextInt(world.principals.size()));
                Principal assignee = random.nextInt(3) == 0 ? null
                        : world.principals.get(random.nextInt(world.principals.size()));
                String status = STATUSES.get(random.nextInt(STATUSES.size()));
                int kind = random.nextInt(10);
                if (kind < 6) {
                    Project project = world.projects.get(random.nextInt(world.projects.size()));
                    // In none, one or (sorted, as the API answers them) all of its project's lists.
                    List<String> lists = switch (random.nextInt(3)) {
                        case 0 -> List.of();
                        case 1 -> project.lists().isEmpty() ? List.of() : List.of(project.lists().getFirst());
                        default -> project.lists();
                    };
                    world.tasks.add(new Task(id, "project", project.id(), creator.id(),
                            assignee == null ? null : assignee.id(), status, lists));
                } else if (kind < 8) {
                    world.tasks.add(new Task(id, "private", null, creator.id(), null, status, List.of()));
                } else {
                    Principal staff = assignee != null ? assignee : creator;
                    world.tasks.add(new Task(id, "staff", null, creator.id(), staff.id(), status, List.of()));
                }
            }
            return world;
        }

        /** No filter half of the time; otherwise one of the listing's filters, on a value that occurs. */
        TaskQuery.Filter randomFilter(Random random) {
            Task some = tasks.get(random.nextInt(tasks.size()));
            return switch (random.nextInt(8)) {
                case 0 -> new TaskQuery.Filter(projects.get(random.nextInt(projects.size())).id(), null, null, null,
                        null, null, null, null);
                case 1 -> new TaskQuery.Filter(null, null, null, some.status(), null, null, null, null);
                case 2 -> new TaskQuery.Filter(null, null, null, null, some.type(), null, null, null);
                case 3 -> new TaskQuery.Filter(null, null, some.assigneeId() == null ? some.createdBy()
                        : some.assigneeId(), null, null, null, null, null);
                case 4 -> new TaskQuery.Filter(null, some.lists().isEmpty() ? "lst_none" : some.lists().getLast(),
                        null, null, null, null, null, null);
                default -> new TaskQuery.Filter(null, null, null, null, null, null, null, null);
            };
        }

        boolean matches(Task task, TaskQuery.Filter filter) {
            return (filter.projectId() == null || filter.projectId().equals(task.projectId()))
                    && (filter.listId() == null || task.lists().contains(filter.listId()))
                    && (filter.status() == null || filter.status().equals(task.status()))
                    && (filter.type() == null || filter.type().equals(task.type()))
                    && (filter.assigneeId() == null || filter.assigneeId().equals(task.assigneeId()));
        }

        PrincipalFacts facts(Principal principal) {
            Set<String> teamIds = teamsOf.get(principal.id());
            if (principal.type().equals("user")) {
                return new UserFacts(principal.id(), principal.id(), principal.role(), principal.custom(), Map.of(),
                        Set.of(), teamIds, principal.active());
            }
            return new ApiClientFacts(principal.id(), principal.id(), principal.role(), principal.level(),
                    principal.credential(), principal.custom(), Map.of(), Set.of(), teamIds, principal.active());
        }

        TaskResource resource(Principal principal, Task task) {
            return switch (task.type()) {
                case "project" -> TaskResource.ofProject(task.id(), projectFacts(principal, project(task.projectId())),
                        task.createdBy(), task.assigneeId());
                case "staff" -> TaskResource.ofStaff(task.id(), task.createdBy(), task.assigneeId());
                default -> TaskResource.ofPrivate(task.id(), task.createdBy());
            };
        }

        private Project project(String id) {
            return projects.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
        }

        ProjectFacts projectFacts(Principal principal, Project project) {
            Map<String, ProjectRole> teamRoles = new HashMap<>();
            for (String team : teamsOf.get(principal.id())) {
                if (project.members().containsKey(team)) {
                    teamRoles.put(team, project.members().get(team));
                }
            }
            return new ProjectFacts(project.id(), project.id(), project.visibility(),
                    project.members().get(principal.id()), teamRoles);
        }

        void write(JdbcClient jdbc) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            jdbc.sql("insert into workspace (workspace_id, name, created_at, created_by) values (?, 'prop', ?, 'x')")
                    .params(workspaceId, now).update();
            int roleNumber = 0;
            for (Principal principal : principals) {
                if (principal.type().equals("user")) {
                    jdbc.sql("insert into user_account (id, email, email_normalized, name, created_at)"
                            + " values (?, ?, ?, ?, ?)")
                            .params(principal.id(), principal.id() + "@x", principal.id() + "@x", principal.id(), now)
                            .update();
                    jdbc.sql("insert into workspace_member (workspace_id, user_id, role, active, added_at)"
                            + " values (?, ?, ?, ?, ?)")
                            .params(workspaceId, principal.id(), principal.role().key(), principal.active(), now)
                            .update();
                } else {
                    jdbc.sql("insert into api_client (workspace_id, id, name, role, access_level, active, created_at,"
                            + " created_by) values (?, ?, ?, ?, ?, ?, ?, 'x')")
                            .params(workspaceId, principal.id(), principal.id(), principal.role().key(),
                                    principal.level().key(), principal.active(), now).update();
                }
                for (WorkspacePermission permission : principal.custom()) {
                    String roleId = "role_" + workspaceId + "_" + roleNumber++;
                    jdbc.sql("insert into custom_role (workspace_id, id, name, created_at) values (?, ?, ?, ?)")
                            .params(workspaceId, roleId, roleId, now).update();
                    jdbc.sql("insert into custom_role_permission (workspace_id, role_id, permission) values (?, ?, ?)")
                            .params(workspaceId, roleId, permission.key()).update();
                    jdbc.sql("insert into principal_custom_role (workspace_id, principal_type, principal_id, role_id)"
                            + " values (?, ?, ?, ?)")
                            .params(workspaceId, principal.type(), principal.id(), roleId).update();
                }
            }
            for (String team : teams) {
                jdbc.sql("insert into team (workspace_id, id, name, created_at) values (?, ?, ?, ?)")
                        .params(workspaceId, team, team, now).update();
            }
            for (Principal principal : principals) {
                for (String team : teamsOf.get(principal.id())) {
                    jdbc.sql("insert into team_member (workspace_id, team_id, principal_type, principal_id, added_at)"
                            + " values (?, ?, ?, ?, ?)")
                            .params(workspaceId, team, principal.type(), principal.id(), now).update();
                }
            }
            for (Project project : projects) {
                jdbc.sql("insert into project (workspace_id, id, name, description, visibility, created_at, created_by,"
                        + " updated_at) values (?, ?, ?, '', ?, ?, 'x', ?)")
                        .params(workspaceId, project.id(), project.id(), project.visibility().key(), now, now).update();
                for (int l = 0; l < project.lists().size(); l++) {
                    jdbc.sql("insert into task_list (workspace_id, project_id, id, name, sort_order, created_at,"
                            + " created_by, updated_at) values (?, ?, ?, ?, ?, ?, 'x', ?)")
                            .params(workspaceId, project.id(), project.lists().get(l), "list " + l, l, now, now)
                            .update();
                }
                project.members().forEach((memberId, role) -> jdbc.sql(
                        "insert into project_member (workspace_id, project_id, principal_type, principal_id, role,"
                                + " added_at, added_by) values (?, ?, ?, ?, ?, ?, 'x')")
                        .params(workspaceId, project.id(), memberId.startsWith("team_") ? "team"
                                : memberId.startsWith("usr_") ? "user" : "api_client", memberId, role.key(), now)
                        .update());
            }
            for (Task task : tasks) {
                jdbc.sql("insert into task (workspace_id, id, type, project_id, title, description, status, priority,"
                        + " blockers, assignee_id, created_by, created_at, updated_by, updated_at)"
                        + " values (?, ?, ?, ?, ?, '', ?, 'medium', '[]', ?, ?, ?, ?, ?)")
                        .params(workspaceId, task.id(), task.type(), task.projectId(), task.id(), task.status(),
                                task.assigneeId(), task.createdBy(), now, task.createdBy(), now)
                        .update();
                for (int l = 0; l < task.lists().size(); l++) {
                    jdbc.sql("insert into task_in_list (workspace_id, list_id, task_id, sort_order) values (?, ?, ?, ?)")
                            .params(workspaceId, task.lists().get(l), task.id(), l + 1).update();
                }
            }
        }
    }
}
