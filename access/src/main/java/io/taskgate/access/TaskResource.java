package io.taskgate.access;

import org.jspecify.annotations.Nullable;

/**
 * A task (or, for {@code task.create}, the task about to be created). A project task carries its
 * project's facts; {@code updateScope} says whether a {@code task.update} touches only status and
 * blockers, which is all a collaborator or a staff assignee may change.
 */
public record TaskResource(
    String taskId,
    TaskType type,
    String creatorId,
    @Nullable String assigneeId,
    @Nullable ProjectFacts project,
    UpdateScope updateScope)
    implements Resource {

  public TaskResource {
    if ((type == TaskType.PROJECT) != (project != null)) {
      throw new IllegalArgumentException("a project task, and only a project task, carries its project");
    }
  }

  public static TaskResource ofPrivate(String taskId, String creatorId) {
    return new TaskResource(taskId, TaskType.PRIVATE, creatorId, null, null, UpdateScope.ANY_FIELD);
  }

  public static TaskResource ofProject(String taskId, ProjectFacts project, String creatorId, @Nullable String assigneeId) {
    return new TaskResource(taskId, TaskType.PROJECT, creatorId, assigneeId, project, UpdateScope.ANY_FIELD);
  }

  public static TaskResource ofStaff(String taskId, String creatorId, String assigneeId) {
    return new TaskResource(taskId, TaskType.STAFF, creatorId, assigneeId, null, UpdateScope.ANY_FIELD);
  }

  public TaskResource withUpdateScope(UpdateScope scope) {
    return new TaskResource(taskId, type, creatorId, assigneeId, project, scope);
  }

  public TaskResource withProject(ProjectFacts facts) {
    return new TaskResource(taskId, type, creatorId, assigneeId, facts, updateScope);
  }

  boolean createdBy(PrincipalFacts principal) {
    return creatorId.equals(principal.id());
  }

  boolean assignedTo(PrincipalFacts principal) {
    return principal.id().equals(assigneeId);
  }

  /** The task a {@code task.create} would make, which has no id anyone could look up yet. */
  String describeNew() {
    return switch (type) {
      case PRIVATE -> "a private task";
      case STAFF -> "a staff task";
      case PROJECT -> "a task in project " + project.name();
    };
  }

  @Override
  public String describe() {
    return switch (type) {
      case PRIVATE -> "private task " + taskId;
      case STAFF -> "staff task " + taskId;
      case PROJECT -> "task " + taskId + " in project " + project.name();
    };
  }
}
