package io.taskgate.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The product's words, as keys the API speaks, and the built-in roles' contents. */
class VocabularyTest {

  @Test
  void everyProductActionParsesFromItsKey() {
    for (String key : new String[] {"project.read", "project.update", "project.delete", "project.members.manage",
        "list.create", "list.update", "task.read", "task.create", "task.update", "task.delete", "staff_task.create",
        "master_task.create"}) {
      assertThat(Action.parse(key)).as(key).hasValueSatisfying(action -> assertThat(action.key()).isEqualTo(key));
    }
    assertThat(Action.parse("task.archive")).isEmpty();
  }

  @Test
  void everyWorkspacePermissionIsAlsoAnActionUnderItsOwnName() {
    for (WorkspacePermission permission : WorkspacePermission.values()) {
      Action action = Action.parse(permission.key()).orElseThrow();
      assertThat(action).isEqualTo(Action.of(permission));
      assertThat(action.workspacePermission()).contains(permission);
      assertThat(WorkspacePermission.fromKey(permission.key())).contains(permission);
    }
  }

  @Test
  void workspacePermissionActionsWriteExceptAuditReadAndProjectsReadAll() {
    assertThat(EnumSet.allOf(Action.class)).filteredOn(a -> !a.isWrite())
        .containsExactlyInAnyOrder(Action.PROJECT_READ, Action.TASK_READ, Action.AUDIT_READ, Action.PROJECTS_READ_ALL);
  }

  @Test
  void builtInWorkspaceRolesHoldTheirCatalogPermissions() {
    assertThat(WorkspaceRole.OWNER.permissions()).containsExactlyInAnyOrder(WorkspacePermission.values());
    assertThat(WorkspaceRole.ADMIN.permissions())
        .isEqualTo(EnumSet.complementOf(EnumSet.of(WorkspacePermission.WORKSPACE_MANAGE)));
    assertThat(WorkspaceRole.MEMBER.permissions()).containsExactly(WorkspacePermission.PROJECTS_CREATE);
    assertThat(WorkspaceRole.GUEST.permissions()).isEmpty();
    assertThat(EnumSet.allOf(WorkspaceRole.class)).filteredOn(WorkspaceRole::licensed)
        .containsExactly(WorkspaceRole.OWNER, WorkspaceRole.ADMIN, WorkspaceRole.MEMBER);
  }

  @Test
  void projectRolesAreOrderedWeakestFirst() {
    assertThat(ProjectRole.MANAGER.atLeast(ProjectRole.EDITOR)).isTrue();
    assertThat(ProjectRole.COLLABORATOR.atLeast(ProjectRole.CREATOR)).isFalse();
    assertThat(ProjectRole.fromKey("collaborator")).contains(ProjectRole.COLLABORATOR);
  }

  @Test
  void keysOfTheSmallVocabulariesRoundTrip() {
    assertThat(AccessLevel.fromKey("read_write")).contains(AccessLevel.READ_WRITE);
    assertThat(Visibility.fromKey("private")).contains(Visibility.PRIVATE);
    assertThat(TaskType.fromKey("staff")).contains(TaskType.STAFF);
    assertThat(PositionPermission.fromKey("shift.edit")).contains(PositionPermission.SHIFT_EDIT);
    assertThat(WorkspaceRole.fromKey("guest")).contains(WorkspaceRole.GUEST);
    assertThat(CredentialState.fromKey("revoked")).contains(CredentialState.REVOKED);
    assertThat(AccessLevel.fromKey("admin")).isEmpty();
  }

  @Test
  void guestUserRoleOptionsStopAtCollaborator() {
    assertThat(AccessPolicy.projectRoleOptions(PrincipalType.USER, WorkspaceRole.GUEST))
        .containsExactly(ProjectRole.GUEST, ProjectRole.COLLABORATOR);
    assertThat(AccessPolicy.projectRoleOptions(PrincipalType.USER, WorkspaceRole.MEMBER)).hasSize(5);
    assertThat(AccessPolicy.projectRoleOptions(PrincipalType.API_CLIENT, WorkspaceRole.GUEST)).hasSize(5);
  }

  @Test
  void projectReadScopeHasOneShapePerKindOfPrincipal() {
    UserFacts member = UserFacts.of("u1", "Ann", WorkspaceRole.MEMBER);
    assertThat(AccessPolicy.projectReadScope(UserFacts.of("u0", "Olga", WorkspaceRole.OWNER)))
        .isEqualTo(ProjectReadScope.ALL);
    assertThat(AccessPolicy.projectReadScope(member)).isEqualTo(ProjectReadScope.PUBLIC_AND_MEMBER);
    assertThat(AccessPolicy.projectReadScope(member.withCustomPermissions(Set.of(WorkspacePermission.PROJECTS_READ_ALL))))
        .isEqualTo(ProjectReadScope.ALL);
    assertThat(AccessPolicy.projectReadScope(UserFacts.of("u2", "Gus", WorkspaceRole.GUEST)))
        .isEqualTo(ProjectReadScope.MEMBER_ONLY);
    assertThat(AccessPolicy.projectReadScope(member.withActive(false))).isEqualTo(ProjectReadScope.NONE);
    ApiClientFacts admin = ApiClientFacts.of("c1", "Zapier", WorkspaceRole.ADMIN, AccessLevel.READ_WRITE);
    assertThat(AccessPolicy.projectReadScope(admin)).isEqualTo(ProjectReadScope.MEMBER_ONLY);
    assertThat(AccessPolicy.projectReadScope(admin.withAccessLevel(AccessLevel.GLOBAL))).isEqualTo(ProjectReadScope.ALL);
    assertThat(AccessPolicy.projectReadScope(admin.withCredentialState(CredentialState.EXPIRED)))
        .isEqualTo(ProjectReadScope.NONE);
  }

  @Test
  void factsAreImmutableAndCheckTheirInvariants() {
    Set<String> teams = new java.util.HashSet<>(Set.of("t1"));
    UserFacts user = new UserFacts("u1", "Ann", WorkspaceRole.MEMBER, Set.of(), Map.of(), Set.of(), teams, true);
    teams.add("t2");
    assertThat(user.teamIds()).containsExactly("t1");
    assertThatIllegalArgumentException().isThrownBy(() -> PositionsResource.of());
    assertThatIllegalArgumentException().isThrownBy(() -> new TaskResource("t1", TaskType.PROJECT, "u1", null, null,
        UpdateScope.ANY_FIELD));
    assertThatIllegalArgumentException().isThrownBy(() -> new Decision(true, false, AccessPolicy.decide(user,
        Action.PROJECTS_CREATE, WorkspaceResource.INSTANCE).explanation()));
  }
}
