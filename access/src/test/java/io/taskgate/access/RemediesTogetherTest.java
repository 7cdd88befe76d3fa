package io.taskgate.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Remedies of separate denials, made together: each change once, at the strongest asked for. */
class RemediesTogetherTest {
  private final UserFacts kim = UserFacts.of("u1", "Kim", WorkspaceRole.MEMBER);

  private Remedy addTo(String projectId, ProjectRole role) {
    return Remedy.of(Remedy.ADD_PROJECT_MEMBER, "add user Kim to " + projectId + " as " + role.key(), kim)
        .withProject(projectId, role);
  }

  @Test
  void oneProjectIsJoinedOnceWithTheStrongestRoleAskedFor() {
    Remedy grant = Remedy.of(Remedy.GRANT_WORKSPACE_PERMISSION, "grant tasks.edit_all to user Kim", kim)
        .withPermission("tasks.edit_all");

    Remedy together = Remedy.together(List.of(addTo("prj1", ProjectRole.CREATOR), grant,
        addTo("prj1", ProjectRole.EDITOR), addTo("prj2", ProjectRole.GUEST))).orElseThrow();

    assertThat(together.kind()).isEqualTo(Remedy.ALL_OF);
    assertThat(together.steps()).extracting(Remedy::kind, Remedy::projectId, Remedy::role).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Remedy.ADD_PROJECT_MEMBER, "prj1", "editor"),
        org.assertj.core.groups.Tuple.tuple(Remedy.GRANT_WORKSPACE_PERMISSION, null, null),
        org.assertj.core.groups.Tuple.tuple(Remedy.ADD_PROJECT_MEMBER, "prj2", "guest"));
    assertThat(together.description()).doesNotContain("as creator");
  }

  @Test
  void aRaiseAndAnAddOfTheSameMembershipAreOneStep() {
    Remedy raise = Remedy.of(Remedy.RAISE_PROJECT_ROLE, "raise user Kim to manager in prj1", kim)
        .withProject("prj1", ProjectRole.MANAGER);

    Remedy together = Remedy.together(List.of(addTo("prj1", ProjectRole.EDITOR), raise)).orElseThrow();

    assertThat(together).as("a single step is offered as itself").isEqualTo(raise);
  }
}
