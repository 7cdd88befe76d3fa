package io.taskgate.access;

/**
 * Which projects of the workspace a principal may read, as one of four shapes so that the
 * server's listing SQL is derived from the core rather than re-implementing it. Property-tested to
 * agree with {@code decide(project.read)} for every project.
 */
public enum ProjectReadScope {
  /** Every project of the workspace. */
  ALL,
  /** Public projects, plus those where the principal or one of its teams is a member. */
  PUBLIC_AND_MEMBER,
  /** Only projects where the principal or one of its teams is a member. */
  MEMBER_ONLY,
  /** None: the principal is inactive or its key is not active. */
  NONE;

  /**
   * Whether a project is in scope.
   *
   * @param member the principal is a member directly or through one of its teams
   */
  public boolean includes(Visibility visibility, boolean member) {
    return switch (this) {
      case ALL -> true;
      case PUBLIC_AND_MEMBER -> member || visibility == Visibility.PUBLIC;
      case MEMBER_ONLY -> member;
      case NONE -> false;
    };
  }
}
