package io.taskgate.access;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One project as seen by one principal: its visibility and the grants of THIS principal only —
 * its direct membership role and the roles of its teams that are members of the project. Team
 * roles of teams the principal does not belong to are ignored (unknown facts fail closed).
 */
public record ProjectFacts(
    String projectId,
    String name,
    Visibility visibility,
    @Nullable ProjectRole directRole,
    Map<String, ProjectRole> teamRoles) {

  public ProjectFacts {
    teamRoles = Map.copyOf(teamRoles);
  }

  /** The project with no grant for the principal. */
  public static ProjectFacts of(String projectId, String name, Visibility visibility) {
    return new ProjectFacts(projectId, name, visibility, null, Map.of());
  }

  public ProjectFacts withDirectRole(@Nullable ProjectRole role) {
    return new ProjectFacts(projectId, name, visibility, role, teamRoles);
  }

  public ProjectFacts withTeamRole(String teamId, ProjectRole role) {
    var roles = new HashMap<>(teamRoles);
    roles.put(teamId, role);
    return new ProjectFacts(projectId, name, visibility, directRole, roles);
  }
}
