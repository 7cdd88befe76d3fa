package io.taskgate.access;

/** A project: target of project and list actions, and of {@code task.create} of a project task. */
public record ProjectResource(ProjectFacts project) implements Resource {

  @Override
  public String describe() {
    return "project " + project.name();
  }
}
