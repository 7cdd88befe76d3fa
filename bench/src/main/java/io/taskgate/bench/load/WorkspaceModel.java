package io.taskgate.bench.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Everything of a generated workspace but its tasks, built in memory from a seed: people with
 * roles (some guests, some deactivated), custom roles, API clients of the three access levels with
 * their keys, teams, positions, public and private projects with direct and team memberships, and
 * lists. Sizes follow {@link Shape}; the proportions are fixed so that every size has the same shape.
 */
final class WorkspaceModel {

    /** Sizes of a workspace; proportions are in the model. */
    record Shape(String label, int principals, int projects, long tasks, long seed) {
    }

    record User(int number, String id, String email, String name, String role, boolean active,
            List<String> customRoleIds) {
        boolean licensed() {
            return !role.equals("guest");
        }
    }

    record Client(String id, String name, String role, String level, boolean active, String keyId,
            String revokedKeyId, String expiredKeyId) {
    }

    record CustomRole(String id, String name, List<String> permissions) {
    }

    record Principal(String type, String id) {
    }

    record Team(String id, String name, List<Principal> members) {
    }

    record Position(String id, String name, List<String> managers, List<String> staff) {
    }

    record Membership(String type, String role) {
    }

    static final class Project {
        final String id;
        final String name;
        final String visibility;
        final String createdBy;
        final Instant createdAt;
        /** Principal (user, client or team) id → membership; the creator is a manager. */
        final Map<String, Membership> members = new LinkedHashMap<>();
        final List<String> listIds = new ArrayList<>();
        /** People who plausibly create and are assigned this project's tasks. */
        final List<String> creators = new ArrayList<>();
        final List<String> assignees = new ArrayList<>();

        Project(String id, String name, String visibility, String createdBy, Instant createdAt) {
            this.id = id;
            this.name = name;
            this.visibility = visibility;
            this.createdBy = createdBy;
            this.createdAt = createdAt;
        }
    }

    /** Teams of exactly this many people, in no project, for the team-add benchmark. */
    static final int BIG_TEAM_SIZE = 1000;
    static final int BIG_TEAMS = 3;
    static final String[] PROJECT_ROLES = {"guest", "collaborator", "creator", "editor", "manager"};

    final Shape shape;
    final String workspaceId;
    final Instant start;
    final Instant end;
    final List<User> users = new ArrayList<>();
    final List<Client> clients = new ArrayList<>();
    final List<CustomRole> customRoles = new ArrayList<>();
    final List<Team> teams = new ArrayList<>();
    final List<Team> bigTeams = new ArrayList<>();
    final List<Position> positions = new ArrayList<>();
    final List<Project> projects = new ArrayList<>();
    /** Users who create staff tasks (owner, admins, holders of staff_tasks.manage). */
    final List<String> staffLeads = new ArrayList<>();
    final List<String> activeUserIds = new ArrayList<>();

    private final Random random;
    private final BenchIds ids;

    private WorkspaceModel(Shape shape, Instant now) {
        this.shape = shape;
        this.workspaceId = BenchIds.workspaceId(shape.label());
        this.end = now.minus(Duration.ofDays(1));
        this.start = end.minus(Duration.ofDays(730));
        this.random = new Random(shape.seed());
        // Ids of several generated workspaces in one database must not collide: mix in the label.
        this.ids = new BenchIds(shape.seed() * 31 + shape.label().hashCode());
    }

    static WorkspaceModel generate(Shape shape, Instant now) {
        WorkspaceModel model = new WorkspaceModel(shape, now);
        model.people();
        model.apiClients();
        model.teams();
        model.positions();
        model.projects();
        return model;
    }

    BenchIds ids() {
        return ids;
    }

    Random random() {
        return random;
    }

    private Instant before(Instant instant, int maxDays) {
        return instant.minusSeconds(random.nextLong(Math.max(1, maxDays * 86_400L)));
    }

    private void people() {
        customRoles.add(new CustomRole(ids.next("role", start.toEpochMilli()), "Auditors",
                List.of("projects.read_all", "audit.read")));
        customRoles.add(new CustomRole(ids.next("role", start.toEpochMilli()), "Editors at large",
                List.of("tasks.edit_all")));
        customRoles.add(new CustomRole(ids.next("role", start.toEpochMilli()), "Staff leads",
                List.of("staff_tasks.manage")));
        customRoles.add(new CustomRole(ids.next("role", start.toEpochMilli()), "Team admins",
                List.of("teams.manage", "positions.manage")));
        int userCount = shape.principals() - shape.principals() / 10;
        int admins = Math.max(1, userCount * 3 / 1000);
        for (int n = 0; n < userCount; n++) {
            String role = n == 0 ? "owner" : n <= admins ? "admin" : random.nextInt(100) < 12 ? "guest" : "member";
            boolean active = n == 0 || random.nextInt(100) >= 5;
            List<String> custom = new ArrayList<>();
            if (role.equals("member")) {
                int r = random.nextInt(1000);
                if (r < 10) {
                    custom.add(customRoles.get(0).id());
                } else if (r < 13) {
                    custom.add(customRoles.get(1).id());
                } else if (r < 23) {
                    custom.add(customRoles.get(2).id());
                } else if (r < 28) {
                    custom.add(customRoles.get(3).id());
                }
            }
            String id = ids.next("usr", before(start, 90).toEpochMilli());
            User user = new User(n, id, BenchIds.email(shape.label(), n), Names.person(random), role, active, custom);
            users.add(user);
            if (active) {
                activeUserIds.add(id);
                if (role.equals("owner") || role.equals("admin") || custom.contains(customRoles.get(2).id())) {
                    staffLeads.add(id);
                }
            }
        }
    }

    private void apiClients() {
        int count = shape.principals() / 10;
        for (int n = 0; n < count; n++) {
            int r = random.nextInt(100);
            String level = r < 30 ? "read" : r < 80 ? "read_write" : "global";
            int q = random.nextInt(100);
            String role = q < 70 ? "member" : q < 80 ? "admin" : "guest";
            long at = before(end, 600).toEpochMilli();
            String revoked = random.nextInt(10) == 0 ? ids.next("key", at) : null;
            String expired = random.nextInt(20) == 0 ? ids.next("key", at) : null;
            clients.add(new Client(ids.next("cli", at), Names.integration(random, n), role, level,
                    random.nextInt(100) >= 3, ids.next("key", at + 1000), revoked, expired));
        }
    }

    private void teams() {
        int count = Math.max(5, shape.principals() / 20);
        for (int t = 0; t < count; t++) {
            int size = Math.min(users.size(), 3 + (int) Math.exp(random.nextGaussian() * 0.9 + 2.3));
            Set<Principal> members = new HashSet<>();
            while (members.size() < size) {
                members.add(new Principal("user", users.get(random.nextInt(users.size())).id()));
            }
            if (random.nextInt(10) == 0 && !clients.isEmpty()) {
                members.add(new Principal("api_client", clients.get(random.nextInt(clients.size())).id()));
            }
            teams.add(new Team(ids.next("team", before(start, 60).toEpochMilli()), Names.team(random, t),
                    new ArrayList<>(members)));
        }
        for (int b = 0; b < BIG_TEAMS && users.size() >= BIG_TEAM_SIZE; b++) {
            Set<Principal> members = new HashSet<>();
            while (members.size() < BIG_TEAM_SIZE) {
                members.add(new Principal("user", users.get(random.nextInt(users.size())).id()));
            }
            bigTeams.add(new Team(ids.next("team", start.toEpochMilli()), "Division " + (char) ('A' + b),
                    new ArrayList<>(members)));
        }
    }

    private void positions() {
        int count = Math.max(2, shape.principals() / 100);
        for (int p = 0; p < count; p++) {
            Set<String> managers = new HashSet<>();
            Set<String> staff = new HashSet<>();
            int managerCount = 1 + random.nextInt(2);
            int staffCount = 5 + random.nextInt(26);
            while (managers.size() < managerCount) {
                managers.add(activeUserIds.get(random.nextInt(activeUserIds.size())));
            }
            while (staff.size() < Math.min(staffCount, activeUserIds.size())) {
                staff.add(activeUserIds.get(random.nextInt(activeUserIds.size())));
            }
            positions.add(new Position(ids.next("pos", start.toEpochMilli()), Names.position(p),
                    new ArrayList<>(managers), new ArrayList<>(staff)));
        }
    }

    private void projects() {
        // Some people are in many projects, most in a few: a log-normal weight per licensed user.
        List<User> licensed = users.stream().filter(User::licensed).toList();
        double[] weights = new double[licensed.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.exp(random.nextGaussian());
        }
        Weighted<User> pickLicensed = new Weighted<>(licensed, weights);
        List<User> activeLicensed = licensed.stream().filter(User::active).toList();
        List<Client> writers = clients.stream().filter(c -> !c.level().equals("read")).toList();
        for (int p = 0; p < shape.projects(); p++) {
            boolean byClient = random.nextInt(100) < 5 && !writers.isEmpty();
            String creatorType = byClient ? "api_client" : "user";
            String creator = byClient ? writers.get(random.nextInt(writers.size())).id()
                    : activeLicensed.get(random.nextInt(activeLicensed.size())).id();
            Instant createdAt = before(start, 60);
            Project project = new Project(ids.next("prj", createdAt.toEpochMilli()), Names.project(random, p),
                    random.nextInt(100) < 60 ? "public" : "private", creator, createdAt);
            project.members.put(creator, new Membership(creatorType, "manager"));
            if (!byClient) {
                project.creators.add(creator);
                project.assignees.add(creator);
            }
            int direct = Math.min(60, 1 + (int) (-Math.log(1 - random.nextDouble()) * 7));
            for (int m = 0; m < direct; m++) {
                User user = pickLicensed.next(random);
                if (project.members.containsKey(user.id())) {
                    continue;
                }
                String role = memberRole();
                project.members.put(user.id(), new Membership("user", role));
                if (role.equals("creator") || role.equals("editor") || role.equals("manager")) {
                    project.creators.add(user.id());
                }
                project.assignees.add(user.id());
            }
            if (random.nextInt(100) < 20 && !teams.isEmpty()) {
                int teamCount = 1 + random.nextInt(2);
                for (int t = 0; t < teamCount; t++) {
                    Team team = teams.get(random.nextInt(teams.size()));
                    String role = PROJECT_ROLES[1 + random.nextInt(3)];
                    project.members.putIfAbsent(team.id(), new Membership("team", role));
                    team.members().stream().filter(member -> member.type().equals("user")).limit(5)
                            .forEach(member -> project.assignees.add(member.id()));
                }
            }
            int lists = random.nextInt(7);
            for (int l = 0; l < lists; l++) {
                project.listIds.add(ids.next("lst", createdAt.toEpochMilli() + l));
            }
            projects.add(project);
        }
        // Guests see only the few projects they are invited to.
        for (User user : users) {
            if (user.licensed()) {
                continue;
            }
            int count = 1 + random.nextInt(6);
            for (int i = 0; i < count; i++) {
                Project project = projects.get(random.nextInt(projects.size()));
                if (project.members.putIfAbsent(user.id(), new Membership("user",
                        random.nextBoolean() ? "guest" : "collaborator")) == null) {
                    project.assignees.add(user.id());
                }
            }
        }
        // read and read_write clients reach only their member projects; a few global ones hold explicit roles.
        for (Client client : clients) {
            int count = switch (client.level()) {
                case "global" -> random.nextInt(10) == 0 ? 1 + random.nextInt(5) : 0;
                default -> 2 + random.nextInt(39);
            };
            for (int i = 0; i < count; i++) {
                Project project = projects.get(random.nextInt(projects.size()));
                String role = client.level().equals("read") ? PROJECT_ROLES[random.nextInt(3)]
                        : PROJECT_ROLES[2 + random.nextInt(2)];
                project.members.putIfAbsent(client.id(), new Membership("api_client", role));
            }
        }
        for (Project project : projects) {
            if (project.creators.isEmpty()) {
                project.creators.add(activeLicensed.get(random.nextInt(activeLicensed.size())).id());
            }
        }
    }

    private String memberRole() {
        int r = random.nextInt(100);
        return r < 10 ? "guest" : r < 35 ? "collaborator" : r < 65 ? "creator" : r < 90 ? "editor" : "manager";
    }

    /** Picks items with probability proportional to their weight. */
    static final class Weighted<T> {
        private final List<T> items;
        private final double[] cumulative;

        Weighted(List<T> items, double[] weights) {
            this.items = items;
            this.cumulative = new double[weights.length];
            double sum = 0;
            for (int i = 0; i < weights.length; i++) {
                sum += weights[i];
                cumulative[i] = sum;
            }
        }

        T next(Random random) {
            double x = random.nextDouble() * cumulative[cumulative.length - 1];
            int i = java.util.Arrays.binarySearch(cumulative, x);
            return items.get(i >= 0 ? i : Math.min(items.size() - 1, -i - 1));
        }
    }
}
