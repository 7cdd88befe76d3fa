package io.taskgate.testing;

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

import org.springframework.jdbc.core.simple.JdbcClient;

import io.taskgate.access.AccessLevel;
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

/**
 * A random workspace for the property tests that check the listing SQL against the decision
 * core: people and API clients (roles, custom-role permissions, access levels, deactivations,
 * dead keys), teams, projects with members and lists, and private, project and staff tasks.
 * It knows the facts the core needs, built in memory, and writes the same world to the database.
 */
public final class RandomWorkspace {
    public record Principal(String type, String id, WorkspaceRole role, boolean active, AccessLevel level,
            CredentialState credential, Set<WorkspacePermission> custom) {
    }

    public record Project(String id, Visibility visibility, Map<String, ProjectRole> members, List<String> lists) {
    }

    public record Task(String id, String type, String projectId, String createdBy, String assigneeId, String status,
            List<String> lists) {
    }

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final List<WorkspacePermission> PERMISSIONS = List.of(WorkspacePermission.PROJECTS_READ_ALL,
            WorkspacePermission.PROJECTS_MANAGE_ALL, WorkspacePermission.TASKS_EDIT_ALL,
            WorkspacePermission.STAFF_TASKS_MANAGE);
    private static final List<String> STATUSES = List.of("pending", "in-progress", "blocked", "completed");

    public final String workspaceId = "ws_prop" + SEQUENCE.incrementAndGet() + "_" + System.nanoTime() % 100_000;
    public final List<Principal> principals = new ArrayList<>();
    public final Map<String, Set<String>> teamsOf = new HashMap<>();
    public final List<String> teams = new ArrayList<>();
    public final List<Project> projects = new ArrayList<>();
    public final List<Task> tasks = new ArrayList<>();

    public static RandomWorkspace generate(Random random) {
        RandomWorkspace world = new RandomWorkspace();
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

    public PrincipalFacts facts(Principal principal) {
        Set<String> teamIds = teamsOf.get(principal.id());
        if (principal.type().equals("user")) {
            return new UserFacts(principal.id(), principal.id(), principal.role(), principal.custom(), Map.of(),
                    Set.of(), teamIds, principal.active());
        }
        return new ApiClientFacts(principal.id(), principal.id(), principal.role(), principal.level(),
                principal.credential(), principal.custom(), Map.of(), Set.of(), teamIds, principal.active());
    }

    public TaskResource resource(Principal principal, Task task) {
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

    public ProjectFacts projectFacts(Principal principal, Project project) {
        Map<String, ProjectRole> teamRoles = new HashMap<>();
        for (String team : teamsOf.get(principal.id())) {
            if (project.members().containsKey(team)) {
                teamRoles.put(team, project.members().get(team));
            }
        }
        return new ProjectFacts(project.id(), project.id(), project.visibility(),
                project.members().get(principal.id()), teamRoles);
    }

    public void write(JdbcClient jdbc) {
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
