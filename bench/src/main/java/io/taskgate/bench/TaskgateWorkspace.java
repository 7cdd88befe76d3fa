package io.taskgate.bench;

import io.taskgate.access.AccessLevel;
import io.taskgate.access.AccessPolicy;
import io.taskgate.access.Action;
import io.taskgate.access.ApiClientFacts;
import io.taskgate.access.CredentialState;
import io.taskgate.access.Decision;
import io.taskgate.access.PrincipalFacts;
import io.taskgate.access.ProjectFacts;
import io.taskgate.access.ProjectResource;
import io.taskgate.access.ProjectRole;
import io.taskgate.access.UserFacts;
import io.taskgate.access.Visibility;
import io.taskgate.access.WorkspacePermission;
import io.taskgate.access.WorkspaceRole;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A generated workspace held in maps shaped like the server's query results: the principal's facts
 * (one query per request) and, per project, its direct and team members. {@link #decide} does what
 * the server does per request — look the facts up, narrow the project's grants to this principal
 * and its teams, and ask the core — so the benchmark measures all of it, not just the core.
 */
final class TaskgateWorkspace {
  /** A project row and its membership rows, as stored. */
  record ProjectRow(String id, String name, Visibility visibility, Map<String, ProjectRole> directMembers,
      Map<String, ProjectRole> teamMembers) {}

  static final String ALLOWED_PRINCIPAL = "u1";
  static final String ALLOWED_PROJECT = "prj1";
  static final String DENIED_PRINCIPAL = "u2";
  static final String DENIED_PROJECT = "prj2";

  private final Map<String, PrincipalFacts> principals;
  private final Map<String, ProjectRow> projects;

  private TaskgateWorkspace(Map<String, PrincipalFacts> principals, Map<String, ProjectRow> projects) {
    this.principals = principals;
    this.projects = projects;
  }

  /**
   * Deterministic: 90% users (5% admins, 10% guests) and 10% API clients, each in 1–3 teams; every
   * project half public, with 5 direct members and 2 member teams. Two request fixtures are placed
   * on top: {@code u1} is editor of private {@code prj1} through team {@code t1} (task.create
   * allowed), {@code u2} is a direct collaborator of private {@code prj2} (task.create denied, 403).
   */
  static TaskgateWorkspace generate(int principalCount, int teamCount, int projectCount) {
    Random random = new Random(42);
    ProjectRole[] roles = ProjectRole.values();
    Map<String, PrincipalFacts> principals = new HashMap<>();
    for (int i = 0; i < principalCount; i++) {
      String id = "u" + i;
      Set<String> teams = new HashSet<>();
      int memberships = 1 + random.nextInt(3);
      while (teams.size() < memberships) {
        teams.add("t" + random.nextInt(teamCount));
      }
      principals.put(id, principal(id, random.nextInt(100), teams));
    }
    Map<String, ProjectRow> projects = new HashMap<>();
    for (int i = 0; i < projectCount; i++) {
      Map<String, ProjectRole> direct = new HashMap<>();
      for (int m = 0; m < 5; m++) {
        direct.put("u" + random.nextInt(principalCount), roles[random.nextInt(roles.length)]);
      }
      Map<String, ProjectRole> teams = new HashMap<>();
      for (int m = 0; m < 2; m++) {
        teams.put("t" + random.nextInt(teamCount), roles[random.nextInt(roles.length)]);
      }
      Visibility visibility = random.nextBoolean() ? Visibility.PUBLIC : Visibility.PRIVATE;
      projects.put("prj" + i, new ProjectRow("prj" + i, "Project " + i, visibility, Map.copyOf(direct),
          Map.copyOf(teams)));
    }
    principals.put(ALLOWED_PRINCIPAL, principal(ALLOWED_PRINCIPAL, 50, Set.of("t1", "t7")));
    projects.put(ALLOWED_PROJECT, new ProjectRow(ALLOWED_PROJECT, "Payroll", Visibility.PRIVATE,
        Map.of("u9", ProjectRole.MANAGER), Map.of("t1", ProjectRole.EDITOR, "t3", ProjectRole.GUEST)));
    principals.put(DENIED_PRINCIPAL, principal(DENIED_PRINCIPAL, 50, Set.of("t2")));
    projects.put(DENIED_PROJECT, new ProjectRow(DENIED_PROJECT, "Hiring", Visibility.PRIVATE,
        Map.of(DENIED_PRINCIPAL, ProjectRole.COLLABORATOR, "u9", ProjectRole.MANAGER), Map.of("t5", ProjectRole.EDITOR)));
    // HashMap, not Map.copyOf: the latter probes linearly from a per-JVM random salt, which made the
    // cost of looking up the same two keys differ from one fork to the next.
    return new TaskgateWorkspace(principals, projects);
  }

  private static PrincipalFacts principal(String id, int dice, Set<String> teams) {
    if (dice >= 90) {
      return new ApiClientFacts(id, "client " + id, WorkspaceRole.MEMBER, AccessLevel.READ_WRITE,
          CredentialState.ACTIVE, Set.of(), Map.of(), Set.of(), teams, true);
    }
    WorkspaceRole role = dice < 5 ? WorkspaceRole.ADMIN : dice < 15 ? WorkspaceRole.GUEST : WorkspaceRole.MEMBER;
    Set<WorkspacePermission> custom = dice % 7 == 0 ? Set.of(WorkspacePermission.AUDIT_READ) : Set.of();
    return new UserFacts(id, "user " + id, role, custom, Map.of(), Set.of(), teams, true);
  }

  /** One request's authorization, as the server performs it. */
  Decision decide(String principalId, Action action, String projectId) {
    PrincipalFacts principal = principals.get(principalId);
    ProjectRow row = projects.get(projectId);
    // Usually none or one of the principal's teams is a member: build the smallest map that holds them.
    Map<String, ProjectRole> teamRoles = Map.of();
    for (String team : principal.teamIds()) {
      ProjectRole role = row.teamMembers().get(team);
      if (role != null) {
        if (teamRoles.isEmpty()) {
          teamRoles = Map.of(team, role);
        } else {
          teamRoles = new HashMap<>(teamRoles);
          teamRoles.put(team, role);
        }
      }
    }
    ProjectFacts facts = new ProjectFacts(row.id(), row.name(), row.visibility(),
        row.directMembers().get(principalId), teamRoles);
    return AccessPolicy.decide(principal, action, new ProjectResource(facts));
  }
}
