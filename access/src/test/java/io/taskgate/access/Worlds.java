package io.taskgate.access;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of random facts for the property tests. The universes are small (four teams, four
 * positions, "me" and "other") so that memberships, assignments and entitlements collide often.
 */
final class Worlds {
  /** One generated question. */
  record Case(PrincipalFacts principal, Action action, Resource resource) {}

  static final String CHECKS_PROPERTY = "taskgate.property.checks";
  static final int TRIES = 1000;

  private static final List<String> TEAMS = List.of("t1", "t2", "t3", "t4");
  private static final List<String> POSITIONS = List.of("p1", "p2", "p3", "p4");

  private Worlds() {}

  /** Checks in the whole run: 100,000 by default, {@code -Dtaskgate.property.checks=1000000} for more. */
  static int totalChecks() {
    return Integer.getInteger(CHECKS_PROPERTY, 100_000);
  }

  static int checksPerTry() {
    return Math.max(1, (totalChecks() + TRIES - 1) / TRIES);
  }

  static Arbitrary<List<Case>> caseLists() {
    return cases().list().ofSize(checksPerTry()).withoutEdgeCases();
  }

  /** Mostly actions that fit the resource; now and then any action, to exercise failing closed. */
  static Arbitrary<Case> cases() {
    Arbitrary<Integer> pick = Arbitraries.integers().between(0, Integer.MAX_VALUE);
    Arbitrary<Boolean> fitting = Arbitraries.frequency(Tuple.of(12, true), Tuple.of(1, false));
    return Combinators.combine(principals(), resources(), pick, fitting).as((principal, resource, n, fit) -> {
      List<Action> actions = fit ? actionsFor(resource) : ALL_ACTIONS;
      return new Case(principal, actions.get(n % actions.size()), resource);
    });
  }

  static Arbitrary<PrincipalFacts> principals() {
    Arbitrary<Boolean> client = Arbitraries.of(true, false);
    Arbitrary<WorkspaceRole> role = Arbitraries.of(WorkspaceRole.class);
    Arbitrary<Set<WorkspacePermission>> perms = Arbitraries.of(WorkspacePermission.class).set().ofMaxSize(4);
    Arbitrary<AccessLevel> level = Arbitraries.of(AccessLevel.class);
    Arbitrary<CredentialState> key = Arbitraries.frequency(Tuple.of(8, CredentialState.ACTIVE),
        Tuple.of(1, CredentialState.REVOKED), Tuple.of(1, CredentialState.EXPIRED));
    Arbitrary<Set<String>> shift = Arbitraries.of(POSITIONS).set();
    Arbitrary<Set<String>> managed = Arbitraries.of(POSITIONS).set();
    Arbitrary<Set<String>> teams = Arbitraries.of(TEAMS).set();
    Arbitrary<Boolean> active = Arbitraries.frequency(Tuple.of(9, true), Tuple.of(1, false));
    Arbitrary<Map<String, Set<PositionPermission>>> shiftByPosition = shift.map(ids -> {
      Map<String, Set<PositionPermission>> byPosition = new HashMap<>();
      ids.forEach(id -> byPosition.put(id, Set.of(PositionPermission.SHIFT_EDIT)));
      return byPosition;
    });
    return Combinators.combine(Combinators.combine(client, active).as(Tuple::of), role, perms, level, key,
            shiftByPosition, managed, teams)
        .as((kind, r, p, l, k, s, m, t) -> kind.get1()
            ? new ApiClientFacts(FactsNotation.ME, "Zapier", r, l, k, p, s, m, t, kind.get2())
            : new UserFacts(FactsNotation.ME, "Ann", r, p, s, m, t, kind.get2()));
  }

  static Arbitrary<ProjectFacts> projects() {
    Arbitrary<Visibility> visibility = Arbitraries.of(Visibility.class);
    Arbitrary<ProjectRole> direct = Arbitraries.of(ProjectRole.class).injectNull(0.5);
    // t5 is a team the principal can never be in: its grants must be ignored.
    Arbitrary<Map<String, ProjectRole>> teamRoles = Arbitraries.maps(Arbitraries.of("t1", "t2", "t3", "t4", "t5"),
        Arbitraries.of(ProjectRole.class)).ofMaxSize(3);
    return Combinators.combine(visibility, direct, teamRoles)
        .as((v, d, t) -> new ProjectFacts("prj1", "Payroll", v, d, t));
  }

  static Arbitrary<Resource> resources() {
    Arbitrary<Resource> tasks = Combinators.combine(Arbitraries.of(TaskType.class), Arbitraries.of("me", "other"),
            Arbitraries.of("me", "other").injectNull(0.2), Arbitraries.of(UpdateScope.class), projects())
        .as((type, creator, assignee, scope, project) -> new TaskResource("t1", type, creator, assignee,
            type == TaskType.PROJECT ? project : null, scope));
    Arbitrary<Resource> positions = Arbitraries.of(POSITIONS).list().uniqueElements().ofMinSize(1).ofMaxSize(4)
        .map(PositionsResource::new);
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(WorkspaceResource.INSTANCE)),
        Tuple.of(4, projects().map(ProjectResource::new)),
        Tuple.of(5, tasks),
        Tuple.of(1, positions));
  }

  private static final List<Action> ALL_ACTIONS = List.of(Action.values());
  private static final List<Action> WORKSPACE_ACTIONS = ALL_ACTIONS.stream()
      .filter(a -> a.workspacePermission().isPresent() || a == Action.STAFF_TASK_CREATE).toList();

  static List<Action> actionsFor(Resource resource) {
    return switch (resource) {
      case WorkspaceResource w -> WORKSPACE_ACTIONS;
      case ProjectResource p -> List.of(Action.PROJECT_READ, Action.PROJECT_UPDATE, Action.PROJECT_DELETE,
          Action.PROJECT_MEMBERS_MANAGE, Action.LIST_CREATE, Action.LIST_UPDATE, Action.TASK_CREATE);
      case TaskResource t -> List.of(Action.TASK_READ, Action.TASK_CREATE, Action.TASK_UPDATE, Action.TASK_DELETE);
      case PositionsResource p -> List.of(Action.MASTER_TASK_CREATE);
    };
  }
}
