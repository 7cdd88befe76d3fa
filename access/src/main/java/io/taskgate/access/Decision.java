package io.taskgate.access;

/**
 * The answer to one check. {@code visible == false} means the principal may not even learn that
 * the resource exists, so the server answers 404 rather than 403.
 */
public record Decision(boolean allowed, boolean visible, Explanation explanation) {

  public Decision {
    if (allowed && !visible) {
      throw new IllegalArgumentException("an allowed resource is visible");
    }
  }

  public boolean denied() {
    return !allowed;
  }
}
