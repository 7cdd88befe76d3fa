package io.taskgate.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The integrator's complaint PRODUCT.md opens with: an admin-level API key cannot create a task in
 * a private project, and the error does not say what would fix it. In Taskgate it does.
 */
class ProductStoryTest {
  private final ApiClientFacts zapier = ApiClientFacts.of("c1", "Zapier", WorkspaceRole.ADMIN, AccessLevel.READ_WRITE);
  private final ProjectFacts payroll = ProjectFacts.of("prj1", "Payroll", Visibility.PRIVATE);

  @Test
  void adminApiClientWithReadWriteIsDeniedTaskCreateInPrivateProjectItIsNotMemberOf() {
    Decision decision = AccessPolicy.decide(zapier, Action.TASK_CREATE, new ProjectResource(payroll));

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.visible()).as("a private project out of reach answers 404").isFalse();
    Explanation explanation = decision.explanation();
    assertThat(explanation.requiredPermission()).isEqualTo("project role creator");
    assertThat(explanation.denialReason()).isEqualTo(DenialReason.PROJECT_NOT_REACHED);
    assertThat(explanation.summary()).isEqualTo("api client Zapier may not task.create on project Payroll: "
        + "the project is out of its reach (not visible to it); project role creator or higher is needed, "
        + "and an api client with access level read_write reaches only projects it or its teams are members of.");
    assertThat(explanation.remedies()).extracting(Remedy::kind, Remedy::role, Remedy::accessLevel, Remedy::description)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Remedy.ADD_PROJECT_MEMBER, "creator", null,
                "add api client Zapier to project Payroll with role creator or higher"),
            org.assertj.core.groups.Tuple.tuple(Remedy.SET_ACCESS_LEVEL, null, "global",
                "set the access level of api client Zapier to global"));
    assertThat(explanation.remedies().get(0)).satisfies(remedy -> {
      assertThat(remedy.principalType()).isEqualTo("api_client");
      assertThat(remedy.principalId()).isEqualTo("c1");
      assertThat(remedy.projectId()).isEqualTo("prj1");
    });
  }

  @Test
  void adminApiClientsWorkspacePermissionsDoNotWidenItsReach() {
    Decision decision = AccessPolicy.decide(zapier, Action.TASK_CREATE, new ProjectResource(payroll));

    assertThat(decision.explanation().remedies()).extracting(Remedy::kind)
        .doesNotContain(Remedy.GRANT_WORKSPACE_PERMISSION);
  }

  @Test
  void apiClientWithCreatorRoleCanCreateTaskInPrivateProject() {
    ProjectFacts asMember = payroll.withDirectRole(ProjectRole.CREATOR);

    Decision decision = AccessPolicy.decide(zapier, Action.TASK_CREATE, new ProjectResource(asMember));

    assertThat(decision.allowed()).isTrue();
    assertThat(decision.explanation().grants())
        .contains(new Grant(Grant.PROJECT_ROLE, "creator", "direct", null, null));
    assertThat(decision.explanation().effectiveProjectRole())
        .as("within its reach, the admin role's projects.manage_all applies").isEqualTo(ProjectRole.MANAGER);
  }

  @Test
  void apiClientWithGlobalAccessCanCreateTaskInPrivateProjectWithoutMembership() {
    Decision decision = AccessPolicy.decide(zapier.withAccessLevel(AccessLevel.GLOBAL), Action.TASK_CREATE,
        new ProjectResource(payroll));

    assertThat(decision.allowed()).isTrue();
    assertThat(decision.explanation().grants())
        .contains(new Grant(Grant.PROJECT_ROLE, "manager", "access_level:global", null, null));
  }

  @Test
  void apiClientCanBeAProjectMemberThroughATeam() {
    ApiClientFacts inTeam = zapier.withTeams(java.util.Set.of("integrations"));
    ProjectFacts teamIsMember = payroll.withTeamRole("integrations", ProjectRole.EDITOR);

    Decision decision = AccessPolicy.decide(inTeam, Action.TASK_CREATE, new ProjectResource(teamIsMember));

    assertThat(decision.allowed()).isTrue();
    assertThat(decision.explanation().grants())
        .contains(new Grant(Grant.PROJECT_ROLE, "editor", "team:integrations", null, null));
  }
}
