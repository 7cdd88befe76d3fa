package io.taskgate.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskgate.access.NaiveOracle.Outcome;
import io.taskgate.access.Worlds.Case;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/** {@code decide} against the naive oracle over randomly generated principals, projects and tasks. */
class DecisionOracleTest {
  private static final AtomicLong CHECKS = new AtomicLong();

  @Property(tries = Worlds.TRIES)
  void decideAgreesWithANaiveReadingOfTheProductRules(@ForAll("caseLists") List<Case> cases) {
    for (Case c : cases) {
      Decision decision = AccessPolicy.decide(c.principal(), c.action(), c.resource());
      assertThat(outcomeOf(decision)).as("%s%n%s", c, decision.explanation().summary())
          .isEqualTo(NaiveOracle.check(c.principal(), c.action(), c.resource()));
      explanationIsComplete(decision);
      CHECKS.incrementAndGet();
    }
  }

  @Provide
  Arbitrary<List<Case>> caseLists() {
    return Worlds.caseLists();
  }

  /** Every allow names its grants; every denial names what is missing and why. */
  private static void explanationIsComplete(Decision decision) {
    Explanation explanation = decision.explanation();
    if (decision.allowed()) {
      assertThat(explanation.grants()).isNotEmpty();
      assertThat(explanation.denialReason()).isNull();
    } else {
      assertThat(explanation.requiredPermission()).isNotBlank();
      assertThat(explanation.denialReason()).isNotNull();
      assertThat(explanation.grants()).isEmpty();
    }
  }

  static Outcome outcomeOf(Decision decision) {
    if (decision.allowed()) {
      return Outcome.ALLOWED;
    }
    return decision.visible() ? Outcome.DENIED : Outcome.HIDDEN;
  }

  @AfterContainer
  static void reportChecks() {
    System.out.printf("decide vs naive oracle: %,d generated checks, 0 mismatches%n", CHECKS.get());
    assertThat(CHECKS.get()).isGreaterThanOrEqualTo(Worlds.totalChecks());
  }
}
