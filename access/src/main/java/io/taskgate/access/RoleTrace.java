package io.taskgate.access;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The opt-in detailed trace of a project check: every role source considered, kept apart from
 * {@link ProjectRules} so that the hot path stays a few comparisons.
 */
final class RoleTrace {
  private RoleTrace() {}

  static void explain(Check check, ProjectFacts project, @Nullable ProjectRole effective, ProjectRole required) {
    PrincipalFacts principal = check.principal;
    check.trace("project " + project.name() + " (" + project.projectId() + ") is " + project.visibility().key());
    if (project.directRole() != null) {
      check.trace("explicit: direct member with role " + project.directRole().key());
    }
    for (Map.Entry<String, ProjectRole> team : project.teamRoles().entrySet()) {
      if (principal.teamIds().contains(team.getKey())) {
        check.trace("explicit: through team " + team.getKey() + " with role " + team.getValue().key());
      } else {
        check.trace("ignored: team " + team.getKey() + " is a member but the principal is not in it");
      }
    }
    ProjectRole implicit = ProjectRules.implicitRole(principal);
    switch (principal) {
      case UserFacts user -> {
        if (project.visibility() == Visibility.PUBLIC) {
          check.trace(user.workspaceRole().licensed()
              ? "implicit: guest, as a licensed user on a public project"
              : "no implicit role on a public project: workspace role guest is not licensed");
        }
        traceImplicit(check, implicit, "");
        if (!user.workspaceRole().licensed()) {
          check.trace("cap: a guest user holds at most collaborator");
        }
      }
      case ApiClientFacts client -> {
        if (client.accessLevel() == AccessLevel.GLOBAL) {
          check.trace("implicit: " + ProjectRules.globalRole(client).key() + " from access level global");
          traceImplicit(check, implicit, "");
        } else {
          check.trace("reach: access level " + client.accessLevel().key()
              + " reaches only projects the client or its teams are members of");
          traceImplicit(check, implicit, " (applies only within reach)");
        }
      }
    }
    check.trace("effective role: " + (effective == null ? "none (out of reach, not visible)" : effective.key())
        + "; " + check.action.key() + " needs " + required.key());
  }

  private static void traceImplicit(Check check, @Nullable ProjectRole implicit, String qualifier) {
    if (implicit != null) {
      check.trace("implicit: " + implicit.key() + " from workspace permissions" + qualifier);
    }
  }
}
