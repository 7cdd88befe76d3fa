package io.taskgate.access;

import java.util.StringJoiner;

/** Writes an explanation's one-sentence summary, on demand. */
final class Summary {
  private Summary() {}

  static String of(Check check, Explanation explanation) {
    PrincipalFacts principal = check.principal;
    String subject = principal.describe();
    // The task a task.create is about does not exist yet: its id would name nothing the caller can find.
    String object = check.action == Action.TASK_CREATE && check.resource instanceof TaskResource task
        ? check.action.key() + " of " + task.describeNew()
        : check.action.key() + " on " + check.resource.describe();
    DenialReason reason = explanation.denialReason();
    if (reason == null) {
      StringJoiner grants = new StringJoiner("; ");
      explanation.grants().forEach(grant -> grants.add(grant.description()));
      return subject + " may " + object + ": " + grants;
    }
    return subject + " may not " + object + ": " + why(check, explanation, reason) + ".";
  }

  private static String why(Check check, Explanation explanation, DenialReason reason) {
    PrincipalFacts principal = check.principal;
    ProjectRole effective = explanation.effectiveProjectRole();
    String required = explanation.requiredPermission();
    return switch (reason) {
      case INACTIVE_PRINCIPAL -> principal.type() == PrincipalType.USER
          ? "the user is deactivated in this workspace"
          : "the api client is disabled";
      case CREDENTIAL_NOT_ACTIVE -> "its API key is " + principal.credentialState().key();
      case UNSUPPORTED -> check.action.key() + " does not apply to " + check.resource.describe();
      case PROJECT_NOT_REACHED -> "the project is out of its reach (not visible to it); "
          + required + " or higher is needed" + reachHint(principal);
      case BEYOND_REACH -> "it holds " + check.action.key() + " only within its reach: an api client"
          + " with access level " + ((ApiClientFacts) principal).accessLevel().key() + " reaches only projects it or"
          + " its teams are members of, so the permission takes effect workspace-wide only with access level global";
      case READ_ONLY_ACCESS -> "its access level is read, which allows only reading";
      case PROJECT_ROLE_TOO_WEAK -> "its project role is " + (effective == null ? "none" : effective.key())
          + "; " + required + " or higher is needed";
      case MISSING_PERMISSION -> "it lacks the workspace permission " + required;
      case NOT_TASK_CREATOR -> "a private task is visible only to its creator";
      case GUEST_USER -> "it is a guest user: a project's creator becomes its manager, and a guest may be at"
          + " most collaborator";
      case LACKING_POSITIONS -> "it neither manages nor holds shift.edit on "
          + (explanation.lackingPositionIds().size() == 1 ? "position " : "positions ")
          + String.join(", ", explanation.lackingPositionIds()) + " (nor positions.manage)";
    };
  }

  private static String reachHint(PrincipalFacts principal) {
    if (principal instanceof ApiClientFacts client && client.accessLevel() != AccessLevel.GLOBAL) {
      return ", and an api client with access level " + client.accessLevel().key()
          + " reaches only projects it or its teams are members of";
    }
    return "";
  }
}
