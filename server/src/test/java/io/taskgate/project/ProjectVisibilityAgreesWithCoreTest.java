package io.taskgate.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.taskgate.access.AccessPolicy;
import io.taskgate.access.Action;
import io.taskgate.access.PrincipalFacts;
import io.taskgate.access.ProjectResource;
import io.taskgate.testing.RandomWorkspace;
import io.taskgate.testing.StandaloneContext;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The project listing's SQL filter and the decision core must agree, as SpiceDB checks Check
 * against Lookup: random workspaces are written to the real database (H2, then PostgreSQL), and
 * for every (principal, project) pair the project is listed if and only if the core allows
 * {@code project.read} on facts built in memory from the same world.
 */
@Tag("database")
class ProjectVisibilityAgreesWithCoreTest {

    private static final AtomicLong checks = new AtomicLong();

    @AfterContainer
    static void stop() {
        System.out.println("ProjectVisibilityAgreesWithCoreTest: " + checks.get()
                + " (principal, project) pairs checked");
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 100)
    void listingShowsExactlyTheProjectsTheCoreLetsEachPrincipalRead(@ForAll("seeds") long seed) {
        RandomWorkspace world = RandomWorkspace.generate(new Random(seed));
        world.write(StandaloneContext.get().getBean(JdbcClient.class));
        Projects projects = StandaloneContext.get().getBean(Projects.class);

        for (RandomWorkspace.Principal principal : world.principals) {
            PrincipalFacts facts = world.facts(principal);
            Set<String> listed = new TreeSet<>();
            projects.listVisible(world.workspaceId, AccessPolicy.projectReadScope(facts), principal.type(), principal.id(),
                    null, 10_000).forEach(project -> listed.add(project.id()));
            Set<String> allowed = new TreeSet<>();
            for (RandomWorkspace.Project project : world.projects) {
                if (AccessPolicy.decide(facts, Action.PROJECT_READ, new ProjectResource(world.projectFacts(principal,
                        project))).allowed()) {
                    allowed.add(project.id());
                }
                checks.incrementAndGet();
            }
            assertThat(listed).as("seed %d, %s", seed, facts).isEqualTo(allowed);
        }
    }
}
