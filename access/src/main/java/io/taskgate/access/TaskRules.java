package io.taskgate.access;

import java.util.List;
import java.util.Objects;

/** Task checks: project tasks defer to {@link ProjectRules}; private and staff tasks have their own rule. */
final class TaskRules {
  private TaskRules() {}

  static Decision decide(Check check, TaskResource task) {
    return switch (check.action) {
      case TASK_READ, TASK_CREATE, TASK_UPDATE, TASK_DELETE -> switch (task.type()) {
        case PROJECT -> ProjectRules.decide(check, Objects.requireNonNull(task.project()), task);
        case PRIVATE -> privateTask(check, task);
        case STAFF -> staffTask(check, task);
      };
      default -> check.unsupported();
    };
  }

  /** Visible to, and editable by, its creator only — whatever roles anyone holds. */
  private static Decision privateTask(Check check, TaskResource task) {
    if (!task.createdBy(check.principal)) {
      check.trace("private task created by someone else");
      return check.deny(false, DenialReason.NOT_TASK_CREATOR, "task creator", null);
    }
    if (check.action.isWrite() && check.principal.readOnly()) {
      return check.denyReadOnly(null);
    }
    return check.allow(List.of(Grant.creator()), null);
  }

  /**
   * Holders of staff_tasks.manage do everything; the assignee reads its own and updates only status
   * and blockers; to anyone else the task does not exist.
   */
  private static Decision staffTask(Check check, TaskResource task) {
    PrincipalFacts principal = check.principal;
    Action action = check.action;
    String required = WorkspacePermission.STAFF_TASKS_MANAGE.key();
    if (principal.holds(WorkspacePermission.STAFF_TASKS_MANAGE)) {
      if (action.isWrite() && principal.readOnly()) {
        return check.denyReadOnly(null);
      }
      return check.allow(List.of(Grant.workspacePermission(principal, WorkspacePermission.STAFF_TASKS_MANAGE)), null);
    }
    if (action == Action.TASK_CREATE) {
      return check.deny(true, DenialReason.MISSING_PERMISSION, required, null);
    }
    if (!task.assignedTo(principal)) {
      check.trace("staff task assigned to someone else, and no staff_tasks.manage");
      return check.deny(false, DenialReason.MISSING_PERMISSION, required, null);
    }
    boolean ownStatus = action == Action.TASK_UPDATE && task.updateScope() == UpdateScope.STATUS_AND_BLOCKERS;
    if (action != Action.TASK_READ && !ownStatus) {
      return check.deny(true, DenialReason.MISSING_PERMISSION, required, null);
    }
    if (action.isWrite() && principal.readOnly()) {
      return check.denyReadOnly(null);
    }
    return check.allow(List.of(Grant.assignee()), null);
  }
}
