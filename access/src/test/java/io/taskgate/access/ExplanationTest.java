package io.taskgate.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a decision says about itself: grants, missing permission, lacking positions, trace. */
class ExplanationTest {
  private final UserFacts ann = UserFacts.of("u1", "Ann", WorkspaceRole.MEMBER);
  private final ProjectFacts payroll = ProjectFacts.of("prj1", "Payroll", Visibility.PUBLIC);

  @Test
  void allowedDecisionNamesEverySufficientGrantAndItsSource() {
    UserFacts editorEverywhere = ann.withCustomPermissions(Set.of(WorkspacePermission.TASKS_EDIT_ALL))
        .withTeams(Set.of("t1"));
    ProjectFacts project = payroll.withDirectRole(ProjectRole.GUEST).withTeamRole("t1", ProjectRole.EDITOR);

    Decision decision = AccessPolicy.decide(editorEverywhere, Action.LIST_CREATE, new ProjectResource(project));

    assertThat(decision.explanation().grants()).extracting(Grant::description).containsExactly(
        "project role editor (team:t1)", "project role editor (permission:tasks.edit_all)");
    assertThat(decision.explanation().summary())
        .isEqualTo("user Ann may list.create on project Payroll: project role editor (team:t1); "
            + "project role editor (permission:tasks.edit_all)");
  }

  @Test
  void creatorEditingItsOwnTaskIsAllowedByTheTaskRelation() {
    TaskResource own = TaskResource.ofProject("t9", payroll.withDirectRole(ProjectRole.CREATOR), "u1", null);

    Decision decision = AccessPolicy.decide(ann, Action.TASK_UPDATE, own);

    assertThat(decision.explanation().grants()).extracting(Grant::kind)
        .containsExactly(Grant.PROJECT_ROLE, Grant.CREATOR);
  }

  @Test
  void denialOfAMasterTaskNamesEveryLackingPosition() {
    UserFacts baristaManager = ann.withManagedPositionIds(Set.of("barista"));

    Decision decision = AccessPolicy.decide(baristaManager, Action.MASTER_TASK_CREATE,
        PositionsResource.of("barista", "cook", "cashier"));

    Explanation explanation = decision.explanation();
    assertThat(decision.visible()).isTrue();
    assertThat(explanation.lackingPositionIds()).containsExactly("cook", "cashier");
    assertThat(explanation.summary()).contains("positions cook, cashier");
    Remedy shiftEdit = explanation.remedies().stream()
        .filter(r -> r.kind().equals(Remedy.GRANT_POSITION_PERMISSION)).findFirst().orElseThrow();
    assertThat(shiftEdit.positionIds()).containsExactly("cook", "cashier");
    assertThat(shiftEdit.positionId()).as("set only when the remedy concerns one position").isNull();
    assertThat(shiftEdit.description())
        .isEqualTo("grant shift.edit on positions cook, cashier to user Ann through a custom role");
  }

  @Test
  void readClientThatLacksARoleIsOfferedBothChangesTogether() {
    ApiClientFacts reader = ApiClientFacts.of("c1", "Reporter", WorkspaceRole.MEMBER, AccessLevel.READ);
    ProjectFacts asGuest = payroll.withDirectRole(ProjectRole.GUEST);

    Decision decision = AccessPolicy.decide(reader, Action.TASK_CREATE, new ProjectResource(asGuest));

    assertThat(decision.explanation().remedies()).anySatisfy(remedy -> {
      assertThat(remedy.kind()).isEqualTo(Remedy.ALL_OF);
      assertThat(remedy.steps()).extracting(Remedy::kind)
          .containsExactly(Remedy.RAISE_PROJECT_ROLE, Remedy.SET_ACCESS_LEVEL);
      assertThat(remedy.description()).isEqualTo("raise the role of api client Reporter in project Payroll to "
          + "creator or higher, and set the access level of api client Reporter to read_write");
    });
  }

  @Test
  void someoneElsesPrivateTaskIsInvisibleAndNothingCanFixIt() {
    UserFacts owner = UserFacts.of("u2", "Olga", WorkspaceRole.OWNER);

    Decision decision = AccessPolicy.decide(owner, Action.TASK_READ, TaskResource.ofPrivate("t1", "u1"));

    assertThat(decision.visible()).isFalse();
    assertThat(decision.explanation().requiredPermission()).isEqualTo("task creator");
    assertThat(decision.explanation().remedies()).isEmpty();
  }

  @Test
  void traceIsRecordedOnlyWhenAskedFor() {
    UserFacts guest = new UserFacts("u3", "Gus", WorkspaceRole.GUEST, Set.of(), Map.of(), Set.of(), Set.of("t1"),
        true);
    ProjectResource project = new ProjectResource(payroll.withTeamRole("t1", ProjectRole.EDITOR)
        .withTeamRole("t2", ProjectRole.MANAGER));

    Decision standard = AccessPolicy.decide(guest, Action.TASK_CREATE, project);
    Decision traced = AccessPolicy.decide(guest, Action.TASK_CREATE, project, Detail.TRACE);

    assertThat(standard.explanation().trace()).isEmpty();
    assertThat(traced.explanation().trace()).contains(
        "explicit: through team t1 with role editor",
        "ignored: team t2 is a member but the principal is not in it",
        "no implicit role on a public project: workspace role guest is not licensed",
        "cap: a guest user holds at most collaborator",
        "effective role: collaborator; task.create needs creator",
        "denied");
    assertThat(traced.allowed()).isEqualTo(standard.allowed());
  }

  @Test
  void actionThatDoesNotFitTheResourceFailsClosedAndSaysSo() {
    Decision decision = AccessPolicy.decide(UserFacts.of("u1", "Ann", WorkspaceRole.OWNER), Action.TASK_READ,
        WorkspaceResource.INSTANCE);

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.visible()).isFalse();
    assertThat(decision.explanation().denialReason()).isEqualTo(DenialReason.UNSUPPORTED);
    assertThat(decision.explanation().summary()).contains("task.read does not apply to the workspace");
  }
}
