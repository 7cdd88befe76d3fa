package io.taskgate.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskgate.access.RemedyApplication.Applied;
import io.taskgate.access.Worlds.Case;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/** Every remedy the core offers, applied to the facts, turns the denial into an allow. */
class RemedySoundnessTest {
  private static final AtomicLong DENIALS = new AtomicLong();
  private static final AtomicLong REMEDIES = new AtomicLong();

  @Property(tries = Worlds.TRIES)
  void everyOfferedRemedyMakesTheDecisionAllowed(@ForAll("caseLists") List<Case> cases) {
    for (Case c : cases) {
      Decision decision = AccessPolicy.decide(c.principal(), c.action(), c.resource());
      List<Remedy> remedies = decision.explanation().remedies();
      if (decision.allowed()) {
        assertThat(remedies).isEmpty();
        continue;
      }
      DENIALS.incrementAndGet();
      for (Remedy remedy : remedies) {
        canBeApplied(remedy, c.principal());
        Applied applied = RemedyApplication.apply(remedy, c.principal(), c.resource());
        Decision after = AccessPolicy.decide(applied.principal(), c.action(), applied.resource());
        assertThat(after.allowed()).as("%s%nremedy %s%nstill: %s", c, remedy, after.explanation().summary()).isTrue();
        REMEDIES.incrementAndGet();
      }
      anActiveLicensedUserIsAlwaysOfferedAWay(c, decision);
    }
  }

  @Provide
  Arbitrary<List<Case>> caseLists() {
    return Worlds.caseLists();
  }

  /** Never a change the product cannot make: a guest user above collaborator, an api client managing a position. */
  private static void canBeApplied(Remedy remedy, PrincipalFacts principal) {
    if (remedy.kind().equals(Remedy.ALL_OF)) {
      // Steps are made together: a project role is judged for the workspace role the remedy also gives.
      PrincipalFacts changed = principal;
      for (Remedy step : remedy.steps()) {
        if (step.kind().equals(Remedy.SET_WORKSPACE_ROLE)) {
          canBeApplied(step, principal);
          changed = ((UserFacts) changed).withWorkspaceRole(WorkspaceRole.fromKey(step.role()).orElseThrow());
        }
      }
      for (Remedy step : remedy.steps()) {
        if (!step.kind().equals(Remedy.SET_WORKSPACE_ROLE)) {
          canBeApplied(step, changed);
        }
      }
      return;
    }
    if (remedy.kind().equals(Remedy.SET_WORKSPACE_ROLE)) {
      assertThat(principal).isInstanceOf(UserFacts.class);
      assertThat(principal.workspaceRole().licensed()).isFalse();
      assertThat(WorkspaceRole.fromKey(remedy.role())).contains(WorkspaceRole.MEMBER);
      return;
    }
    if (remedy.role() != null) {
      ProjectRole role = ProjectRole.fromKey(remedy.role()).orElseThrow();
      assertThat(AccessPolicy.projectRoleOptions(principal.type(), principal.workspaceRole())).contains(role);
    }
    if (principal instanceof UserFacts) {
      assertThat(remedy.kind()).isNotIn(Remedy.SET_ACCESS_LEVEL, Remedy.CREATE_NEW_KEY, Remedy.REACTIVATE_API_CLIENT);
    } else {
      assertThat(remedy.kind()).isNotIn(Remedy.MAKE_POSITION_MANAGER, Remedy.REACTIVATE_USER);
    }
  }

  /**
   * For an active licensed user, projects.manage_all / tasks.edit_all / the missing permission or
   * position grant always helps, so a denial that anyone could lift must come with a remedy.
   */
  private static void anActiveLicensedUserIsAlwaysOfferedAWay(Case c, Decision decision) {
    DenialReason reason = decision.explanation().denialReason();
    if (c.principal() instanceof UserFacts user && user.active() && user.workspaceRole().licensed()
        && reason != DenialReason.UNSUPPORTED && reason != DenialReason.NOT_TASK_CREATOR) {
      assertThat(decision.explanation().remedies()).as("%s%n%s", c, decision.explanation().summary()).isNotEmpty();
    }
  }

  @AfterContainer
  static void reportRemedies() {
    System.out.printf("remedy soundness: %,d denials, %,d remedies applied, all allowed%n", DENIALS.get(),
        REMEDIES.get());
    assertThat(REMEDIES.get()).isPositive();
  }
}
