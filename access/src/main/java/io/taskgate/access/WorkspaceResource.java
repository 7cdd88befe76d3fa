package io.taskgate.access;

/** The workspace itself: target of workspace-permission actions and of {@code staff_task.create}. */
public record WorkspaceResource() implements Resource {
  public static final WorkspaceResource INSTANCE = new WorkspaceResource();

  @Override
  public String describe() {
    return "the workspace";
  }
}
