package io.taskgate.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * A concrete change that would turn a denial into an allow. Every remedy the core offers was found
 * by applying it to the facts and deciding again, so it is sound by construction (and
 * property-tested). The structured fields say exactly what to change; {@code description} says it
 * in a sentence. A remedy of kind {@code all_of} needs all its {@code steps} together (offered only
 * when no single change is enough).
 *
 * @param kind {@code add_project_member}, {@code raise_project_role}, {@code set_access_level},
 *     {@code grant_workspace_permission}, {@code grant_position_permission},
 *     {@code make_position_manager}, {@code set_workspace_role}, {@code reactivate_user},
 *     {@code reactivate_api_client}, {@code create_new_key} or {@code all_of}; and
 *     {@code sign_in_as_user}, which the core never offers: the server names it when an API client
 *     tries what only a person may do (create a workspace), where no grant could help
 * @param principalType {@code user} or {@code api_client}: whom to change
 * @param role for project membership remedies, the least project role that suffices; for
 *     {@code set_workspace_role}, the workspace role to give
 * @param permission a workspace permission key, or {@code shift.edit} for position permissions
 * @param positionId the position, when the remedy concerns exactly one
 * @param positionIds every position the remedy concerns (empty when none)
 */
public record Remedy(
    String kind,
    String description,
    String principalType,
    String principalId,
    @Nullable String projectId,
    @Nullable String role,
    @Nullable String permission,
    @Nullable String accessLevel,
    @Nullable String positionId,
    List<String> positionIds,
    List<Remedy> steps) {

  public static final String ADD_PROJECT_MEMBER = "add_project_member";
  public static final String RAISE_PROJECT_ROLE = "raise_project_role";
  public static final String SET_ACCESS_LEVEL = "set_access_level";
  public static final String GRANT_WORKSPACE_PERMISSION = "grant_workspace_permission";
  public static final String GRANT_POSITION_PERMISSION = "grant_position_permission";
  public static final String MAKE_POSITION_MANAGER = "make_position_manager";
  public static final String SET_WORKSPACE_ROLE = "set_workspace_role";
  public static final String REACTIVATE_USER = "reactivate_user";
  public static final String REACTIVATE_API_CLIENT = "reactivate_api_client";
  public static final String CREATE_NEW_KEY = "create_new_key";
  /** What only a person may do (create a workspace): do it signed in as one, not with an API key. */
  public static final String SIGN_IN_AS_USER = "sign_in_as_user";
  public static final String ALL_OF = "all_of";

  public Remedy {
    positionIds = List.copyOf(positionIds);
    steps = List.copyOf(steps);
  }

  static Remedy of(String kind, String description, PrincipalFacts principal) {
    return new Remedy(kind, description, principal.type().key(), principal.id(), null, null, null, null, null,
        List.of(), List.of());
  }

  Remedy withProject(String id, ProjectRole projectRole) {
    return new Remedy(kind, description, principalType, principalId, id, projectRole.key(), permission, accessLevel,
        positionId, positionIds, steps);
  }

  Remedy withRole(String key) {
    return new Remedy(kind, description, principalType, principalId, projectId, key, permission, accessLevel,
        positionId, positionIds, steps);
  }

  Remedy withPermission(String key) {
    return new Remedy(kind, description, principalType, principalId, projectId, role, key, accessLevel, positionId,
        positionIds, steps);
  }

  Remedy withAccessLevel(AccessLevel level) {
    return new Remedy(kind, description, principalType, principalId, projectId, role, permission, level.key(),
        positionId, positionIds, steps);
  }

  Remedy withPositions(List<String> ids) {
    return new Remedy(kind, description, principalType, principalId, projectId, role, permission, accessLevel,
        ids.size() == 1 ? ids.get(0) : null, ids, steps);
  }

  /**
   * Remedies for separate denials, to be made together (each lacking permission of a role being
   * granted, say): their steps, each once, an access level only at the strongest one asked for,
   * and one project role per principal and project, the strongest asked for (adding someone as
   * creator and again as editor would stop at "already a member"). Sound when each remedy is
   * sound for its own denial and none takes anything away, which holds for every kind the core
   * offers: grants only add, and a stronger access level or project role allows all a weaker one
   * does.
   */
  public static Optional<Remedy> together(List<Remedy> remedies) {
    Map<String, Remedy> steps = new LinkedHashMap<>();
    @Nullable Remedy level = null;
    for (Remedy remedy : remedies) {
      for (Remedy step : remedy.kind.equals(ALL_OF) ? remedy.steps : List.of(remedy)) {
        if (step.kind.equals(SET_ACCESS_LEVEL)) {
          if (level == null || AccessLevel.fromKey(step.accessLevel).orElseThrow()
              .compareTo(AccessLevel.fromKey(level.accessLevel).orElseThrow()) > 0) {
            level = step;
          }
        } else if (step.kind.equals(ADD_PROJECT_MEMBER) || step.kind.equals(RAISE_PROJECT_ROLE)) {
          steps.merge("member " + step.principalType + " " + step.principalId + " " + step.projectId, step,
              (kept, other) -> projectRole(other).ordinal() > projectRole(kept).ordinal() ? other : kept);
        } else {
          steps.putIfAbsent(step.kind + " " + step.principalId + " " + step.projectId + " " + step.role + " "
              + step.permission + " " + step.positionIds, step);
        }
      }
    }
    List<Remedy> all = new ArrayList<>(steps.values());
    if (level != null) {
      all.add(0, level);
    }
    if (all.size() <= 1) {
      return all.stream().findFirst();
    }
    Remedy first = all.get(0);
    StringJoiner description = new StringJoiner(", and ");
    all.forEach(step -> description.add(step.description));
    return Optional.of(new Remedy(ALL_OF, description.toString(), first.principalType, first.principalId, null, null,
        null, null, null, List.of(), all));
  }

  private static ProjectRole projectRole(Remedy membership) {
    return ProjectRole.fromKey(membership.role).orElseThrow();
  }

  static Remedy allOf(Remedy first, Remedy second) {
    return new Remedy(ALL_OF, first.description + ", and " + second.description, first.principalType,
        first.principalId, null, null, null, null, null, List.of(), List.of(first, second));
  }
}
