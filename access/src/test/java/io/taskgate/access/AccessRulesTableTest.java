package io.taskgate.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** One row per rule of PRODUCT.md, kept as data in {@code access-rules.csv} so other levels can reuse it. */
class AccessRulesTableTest {

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/access-rules.csv", delimiter = '|', numLinesToSkip = 1)
  void everyRuleOfTheProductHolds(String rule, String principalNotation, String actionKey, String resourceNotation,
      String outcome, @Nullable String remedies) {
    PrincipalFacts principal = FactsNotation.principal(principalNotation);
    Action action = Action.parse(actionKey).orElseThrow();
    Resource resource = FactsNotation.resource(resourceNotation);

    Decision decision = AccessPolicy.decide(principal, action, resource);

    assertThat(outcomeOf(decision)).as(decision.explanation().summary()).isEqualTo(outcome);
    assertThat(decision.explanation().summary()).isNotBlank();
    if (decision.allowed()) {
      assertThat(decision.explanation().grants()).isNotEmpty();
    } else {
      assertThat(decision.explanation().requiredPermission()).isNotBlank();
    }
    if (remedies != null) {
      expectRemedies(decision.explanation().remedies(), remedies);
    }
  }

  private static String outcomeOf(Decision decision) {
    if (decision.allowed()) {
      return "allowed";
    }
    return decision.visible() ? "denied" : "hidden";
  }

  private static void expectRemedies(List<Remedy> offered, String expectation) {
    if (expectation.equals("none")) {
      assertThat(offered).isEmpty();
      return;
    }
    for (String expected : Arrays.stream(expectation.split(",")).map(String::trim).toList()) {
      if (expected.startsWith("!")) {
        assertThat(offered).extracting(Remedy::kind).doesNotContain(expected.substring(1));
        continue;
      }
      int paren = expected.indexOf('(');
      String kind = paren < 0 ? expected : expected.substring(0, paren);
      String value = paren < 0 ? null : expected.substring(paren + 1, expected.length() - 1);
      assertThat(offered).as("remedies offered").anySatisfy(remedy -> {
        assertThat(remedy.kind()).isEqualTo(kind);
        if (value != null) {
          assertThat(List.of(String.valueOf(remedy.role()), String.valueOf(remedy.permission()),
              String.valueOf(remedy.accessLevel()))).contains(value);
        }
      });
    }
  }
}
