package io.taskgate.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The listing scope the server turns into SQL agrees with {@code decide(project.read)}: what a
 * listing returns is exactly what a check allows (as SpiceDB checks Check against Lookup).
 */
class ProjectReadScopeTest {
  private static final AtomicLong CHECKS = new AtomicLong();

  @Property(tries = Worlds.TRIES)
  void projectReadScopeAgreesWithProjectReadDecisions(@ForAll("principals") PrincipalFacts principal,
      @ForAll("projectLists") List<ProjectFacts> projects) {
    ProjectReadScope scope = AccessPolicy.projectReadScope(principal);
    for (ProjectFacts project : projects) {
      boolean member = project.directRole() != null
          || project.teamRoles().keySet().stream().anyMatch(principal.teamIds()::contains);
      boolean listed = scope.includes(project.visibility(), member);
      Decision read = AccessPolicy.decide(principal, Action.PROJECT_READ, new ProjectResource(project));
      assertThat(listed).as("%s %s in %s: %s", principal, project, scope, read.explanation().summary())
          .isEqualTo(read.allowed());
      assertThat(AccessPolicy.isProjectMember(principal, project)).isEqualTo(member);
      CHECKS.incrementAndGet();
    }
  }

  @Provide
  Arbitrary<PrincipalFacts> principals() {
    return Worlds.principals();
  }

  @Provide
  Arbitrary<List<ProjectFacts>> projectLists() {
    return Worlds.projects().list().ofSize(Worlds.checksPerTry()).withoutEdgeCases();
  }

  @AfterContainer
  static void reportChecks() {
    System.out.printf("project read scope vs decide: %,d generated checks, 0 mismatches%n", CHECKS.get());
    assertThat(CHECKS.get()).isGreaterThanOrEqualTo(Worlds.totalChecks());
  }
}
