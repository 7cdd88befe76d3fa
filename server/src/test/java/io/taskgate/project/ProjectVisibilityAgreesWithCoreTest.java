package io.taskgate.project;

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
import java.util.TreeSet;
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
import io.taskgate.access.ProjectResource;
import io.taskgate.access.ProjectRole;
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
 * The project listing's SQL filter and the decision core must agree, as SpiceDB checks Check
 * against Lookup: random workspaces are written to the real database (H2, then PostgreSQL), and
 * for every (principal, project) pair the project is listed if and only if the core allows
 * {@code project.read} on facts built in memory from the same world.
 */
@Tag("database")
class ProjectVisibilityAgreesWithCoreTest {

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
        System.out.println("ProjectVisibilityAgreesWithCoreTest: " + checks.get()
                + " (principal, project) pairs checked");
        context.close();
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 100)
    void listingShowsExactlyTheProjectsTheCoreLetsEachPrincipalRead(@ForAll("seeds") long seed) {
        World world = World.generate(new Random(seed));
        world.write(context.getBean(JdbcClient.class));
        Projects projects = context.getBean(Projects.class);

        for (World.Principal principal : world.principals) {
            PrincipalFacts facts = world.facts(principal);
            Set<String> listed = new TreeSet<>();
            projects.listVisible(world.workspaceId, AccessPolicy.projectReadScope(facts), principal.type, principal.id,
                    null, 10_000).forEach(project -> listed.add(project.id()));
            Set<String> allowed = new TreeSet<>();
            for (World.Project project : world.projects) {
                if (AccessPolicy.decide(facts, Action.PROJECT_READ, new ProjectResource(world.projectFacts(principal,
                        project))).allowed()) {
                    allowed.add(project.id);
                }
                checks.incrementAndGet();
            }
            assertThat(listed).as("seed %d, %s", seed, facts).isEqualTo(allowed);
        }
    }

    /** A random workspace: people, API clients, custom roles, teams, projects and memberships. */
    static final class World {
        record Principal(String type, String id, WorkspaceRole role, boolean active, AccessLevel level,
                CredentialState credential, Set<WorkspacePermission> custom) {
        }

        record Project(String id, Visibility visibility, Map<String, ProjectRole> members) {
        }

        private static final AtomicLong SEQUENCE = new AtomicLong();
        private static final List<WorkspacePermission> PROJECT_PERMISSIONS = List.of(
                WorkspacePermission.PROJECTS_READ_ALL, WorkspacePermission.PROJECTS_MANAGE_ALL,
                WorkspacePermission.TASKS_EDIT_ALL, WorkspacePermission.PROJECTS_CREATE);

        final String workspaceId = "ws_prop" + SEQUENCE.incrementAndGet() + "_" + System.nanoTime() % 100_000;
        final List<Principal> principals = new ArrayList<>();
        final Map<String, Set<String>> teamsOf = new HashMap<>();
        final List<String> teams = new ArrayList<>();
        final List<Project> projects = new ArrayList<>();

        static World generate(Random random) {
            World world = new World();
            int users = 3 + random.nextInt(8);
            int clients = 1 + random.nextInt(5);
            WorkspaceRole[] roles = WorkspaceRole.values();
            for (int i = 0; i < users + clients; i++) {
                boolean user = i < users;
                String id = (user ? "usr_" : "cli_") + world.workspaceId + "_" + i;
                Set<WorkspacePermission> custom = EnumSet.noneOf(WorkspacePermission.class);
                if (random.nextInt(4) == 0) {
                    custom.add(PROJECT_PERMISSIONS.get(random.nextInt(PROJECT_PERMISSIONS.size())));
                }
                CredentialState credential = user || random.nextInt(5) > 0 ? CredentialState.ACTIVE
                        : random.nextBoolean() ? CredentialState.REVOKED : CredentialState.EXPIRED;
                world.principals.add(new Principal(user ? "user" : "api_client", id, roles[random.nextInt(4)],
                        random.nextInt(8) > 0, AccessLevel.values()[random.nextInt(3)], credential, custom));
                world.teamsOf.put(id, new HashSet<>());
            }
            int teamCount = random.nextInt(4);
            for (int t = 0; t < teamCount; t++) {
                String team = "team_" + world.workspaceId + "_" + t;
                world.teams.add(team);
                for (Principal principal : world.principals) {
                    if (random.nextInt(3) == 0) {
                        world.teamsOf.get(principal.id).add(team);
                    }
                }
            }
            int projectCount = 3 + random.nextInt(10);
            ProjectRole[] projectRoles = ProjectRole.values();
            for (int p = 0; p < projectCount; p++) {
                Map<String, ProjectRole> members = new HashMap<>();
                for (Principal principal : world.principals) {
                    if (random.nextInt(4) == 0) {
                        ProjectRole role = projectRoles[random.nextInt(projectRoles.length)];
                        boolean guestUser = principal.type.equals("user") && principal.role == WorkspaceRole.GUEST;
                        members.put(principal.id, guestUser && role.atLeast(ProjectRole.CREATOR)
                                ? ProjectRole.COLLABORATOR : role);
                    }
                }
                for (String team : world.teams) {
                    if (random.nextInt(3) == 0) {
                        members.put(team, projectRoles[random.nextInt(projectRoles.length)]);
                    }
                }
                world.projects.add(new Project("prj_" + world.workspaceId + "_" + p,
                        random.nextBoolean() ? Visibility.PUBLIC : Visibility.PRIVATE, members));
            }
            return world;
        }

        PrincipalFacts facts(Principal principal) {
            Set<String> teamIds = teamsOf.get(principal.id);
            if (principal.type.equals("user")) {
                return new UserFacts(principal.id, principal.id, principal.role, principal.custom, Map.of(), Set.of(),
                        teamIds, principal.active);
            }
            return new ApiClientFacts(principal.id, principal.id, principal.role, principal.level,
                    principal.credential, principal.custom, Map.of(), Set.of(), teamIds, principal.active);
        }

        ProjectFacts projectFacts(Principal principal, Project project) {
            Map<String, ProjectRole> teamRoles = new HashMap<>();
            for (String team : teamsOf.get(principal.id)) {
                if (project.members.containsKey(team)) {
                    teamRoles.put(team, project.members.get(team));
                }
            }
            return new ProjectFacts(project.id, project.id, project.visibility, project.members.get(principal.id),
                    teamRoles);
        }

        void write(JdbcClient jdbc) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            jdbc.sql("insert into workspace (workspace_id, name, created_at, created_by) values (?, 'prop', ?, 'x')")
                    .params(workspaceId, now).update();
            int roleNumber = 0;
            for (Principal principal : principals) {
                if (principal.type.equals("user")) {
                    jdbc.sql("insert into user_account (id, email, email_normalized, name, created_at)"
                            + " values (?, ?, ?, ?, ?)")
                            .params(principal.id, principal.id + "@x", principal.id + "@x", principal.id, now).update();
                    jdbc.sql("insert into workspace_member (workspace_id, user_id, role, active, added_at)"
                            + " values (?, ?, ?, ?, ?)")
                            .params(workspaceId, principal.id, principal.role.key(), principal.active, now).update();
                } else {
                    jdbc.sql("insert into api_client (workspace_id, id, name, role, access_level, active, created_at,"
                            + " created_by) values (?, ?, ?, ?, ?, ?, ?, 'x')")
                            .params(workspaceId, principal.id, principal.id, principal.role.key(),
                                    principal.level.key(), principal.active, now).update();
                }
                for (WorkspacePermission permission : principal.custom) {
                    String roleId = "role_" + workspaceId + "_" + roleNumber++;
                    jdbc.sql("insert into custom_role (workspace_id, id, name, created_at) values (?, ?, ?, ?)")
                            .params(workspaceId, roleId, roleId, now).update();
                    jdbc.sql("insert into custom_role_permission (workspace_id, role_id, permission) values (?, ?, ?)")
                            .params(workspaceId, roleId, permission.key()).update();
                    jdbc.sql("insert into principal_custom_role (workspace_id, principal_type, principal_id, role_id)"
                            + " values (?, ?, ?, ?)")
                            .params(workspaceId, principal.type, principal.id, roleId).update();
                }
            }
            for (String team : teams) {
                jdbc.sql("insert into team (workspace_id, id, name, created_at) values (?, ?, ?, ?)")
                        .params(workspaceId, team, team, now).update();
            }
            for (Principal principal : principals) {
                for (String team : teamsOf.get(principal.id)) {
                    jdbc.sql("insert into team_member (workspace_id, team_id, principal_type, principal_id, added_at)"
                            + " values (?, ?, ?, ?, ?)")
                            .params(workspaceId, team, principal.type, principal.id, now).update();
                }
            }
            for (Project project : projects) {
                jdbc.sql("insert into project (workspace_id, id, name, description, visibility, created_at, created_by,"
                        + " updated_at) values (?, ?, ?, '', ?, ?, 'x', ?)")
                        .params(workspaceId, project.id, project.id, project.visibility.key(), now, now).update();
                project.members.forEach((memberId, role) -> jdbc.sql(
                        "insert into project_member (workspace_id, project_id, principal_type, principal_id, role,"
                                + " added_at, added_by) values (?, ?, ?, ?, ?, ?, 'x')")
                        .params(workspaceId, project.id, memberId.startsWith("team_") ? "team"
                                : memberId.startsWith("usr_") ? "user" : "api_client", memberId, role.key(), now)
                        .update());
            }
        }
    }
}
