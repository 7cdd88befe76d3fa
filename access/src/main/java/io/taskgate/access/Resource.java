package io.taskgate.access;

/** What an action is performed on, with the facts about it that the rules need. */
public sealed interface Resource permits WorkspaceResource, ProjectResource, TaskResource, PositionsResource {

  /** How explanations name the resource: {@code project Payroll}, {@code private task t1}. */
  String describe();
}
