package io.taskgate.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the one-line notation of the scenario corpus ({@code access-rules.csv}), so that a rule
 * case reads like the product text: {@code client role=admin level=read_write} ·
 * {@code task project private direct=creator creator=me assignee=other status-only}.
 * The acting principal's id is always {@code me}; anyone else is {@code other}.
 */
final class FactsNotation {
  static final String ME = "me";

  private FactsNotation() {}

  /** {@code user|client [role=…] [perms=a,b] [teams=t1] [manages=p1] [shift=p1] [level=…] [key=revoked] [inactive]}. */
  static PrincipalFacts principal(String notation) {
    List<String> tokens = tokens(notation);
    boolean client = switch (tokens.get(0)) {
      case "user" -> false;
      case "client" -> true;
      default -> throw new IllegalArgumentException("principal must start with user or client: " + notation);
    };
    WorkspaceRole role = WorkspaceRole.MEMBER;
    Set<WorkspacePermission> perms = EnumSet.noneOf(WorkspacePermission.class);
    Set<String> teams = new HashSet<>();
    Set<String> managed = new HashSet<>();
    Map<String, Set<PositionPermission>> shift = new HashMap<>();
    AccessLevel level = AccessLevel.READ_WRITE;
    CredentialState key = CredentialState.ACTIVE;
    boolean active = true;
    for (String token : tokens.subList(1, tokens.size())) {
      String[] kv = token.split("=", 2);
      switch (kv[0]) {
        case "role" -> role = WorkspaceRole.fromKey(kv[1]).orElseThrow();
        case "perms" -> list(kv[1]).forEach(p -> perms.add(WorkspacePermission.fromKey(p).orElseThrow()));
        case "teams" -> teams.addAll(list(kv[1]));
        case "manages" -> managed.addAll(list(kv[1]));
        case "shift" -> list(kv[1]).forEach(p -> shift.put(p, Set.of(PositionPermission.SHIFT_EDIT)));
        case "level" -> level = AccessLevel.fromKey(kv[1]).orElseThrow();
        case "key" -> key = CredentialState.fromKey(kv[1]).orElseThrow();
        case "inactive" -> active = false;
        default -> throw new IllegalArgumentException("unknown principal token " + token);
      }
    }
    return client
        ? new ApiClientFacts(ME, "Zapier", role, level, key, perms, shift, managed, teams, active)
        : new UserFacts(ME, "Ann", role, perms, shift, managed, teams, active);
  }

  /**
   * {@code workspace} · {@code positions p1,p2} · {@code project public|private [direct=role]
   * [team:t1=role]} · {@code task private|staff|project [public|private] [direct=…] [team:…]
   * [creator=me|other] [assignee=me|other] [status-only]}.
   */
  static Resource resource(String notation) {
    List<String> tokens = tokens(notation);
    return switch (tokens.get(0)) {
      case "workspace" -> WorkspaceResource.INSTANCE;
      case "positions" -> new PositionsResource(list(tokens.get(1)));
      case "project" -> new ProjectResource(project(tokens.subList(1, tokens.size())));
      case "task" -> task(tokens.subList(1, tokens.size()));
      default -> throw new IllegalArgumentException("unknown resource " + notation);
    };
  }

  private static TaskResource task(List<String> tokens) {
    TaskType type = TaskType.fromKey(tokens.get(0)).orElseThrow();
    String creator = "other";
    String assignee = null;
    UpdateScope scope = UpdateScope.ANY_FIELD;
    List<String> projectTokens = new ArrayList<>();
    for (String token : tokens.subList(1, tokens.size())) {
      String[] kv = token.split("=", 2);
      switch (kv[0]) {
        case "creator" -> creator = kv[1];
        case "assignee" -> assignee = kv[1];
        case "status-only" -> scope = UpdateScope.STATUS_AND_BLOCKERS;
        default -> projectTokens.add(token);
      }
    }
    ProjectFacts project = type == TaskType.PROJECT ? project(projectTokens) : null;
    return new TaskResource("t1", type, creator, assignee, project, scope);
  }

  private static ProjectFacts project(List<String> tokens) {
    Visibility visibility = Visibility.PRIVATE;
    ProjectRole direct = null;
    Map<String, ProjectRole> teams = new HashMap<>();
    for (String token : tokens) {
      String[] kv = token.split("=", 2);
      if (kv[0].equals("public") || kv[0].equals("private")) {
        visibility = Visibility.fromKey(kv[0]).orElseThrow();
      } else if (kv[0].equals("direct")) {
        direct = ProjectRole.fromKey(kv[1]).orElseThrow();
      } else if (kv[0].startsWith("team:")) {
        teams.put(kv[0].substring(5), ProjectRole.fromKey(kv[1]).orElseThrow());
      } else {
        throw new IllegalArgumentException("unknown project token " + token);
      }
    }
    return new ProjectFacts("prj1", "Payroll", visibility, direct, teams);
  }

  private static List<String> tokens(String notation) {
    return Arrays.stream(notation.trim().split("\\s+")).toList();
  }

  private static List<String> list(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
