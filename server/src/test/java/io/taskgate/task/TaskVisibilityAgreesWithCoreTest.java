package io.taskgate.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.taskgate.access.AccessPolicy;
import io.taskgate.access.Action;
import io.taskgate.access.PrincipalFacts;
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
 * The task listing's SQL and the decision core must agree: random workspaces with private,
 * project and staff tasks are written to the real database (H2, then PostgreSQL), and for every
 * (principal, task) pair the task is listed if and only if the core allows {@code task.read} —
 * through both ways the listing finds project tasks (project by project, and walking the
 * workspace), paged through small pages by cursor, with and without a filter, each task once with
 * its lists.
 */
@Tag("database")
class TaskVisibilityAgreesWithCoreTest {

    private static final AtomicLong checks = new AtomicLong();

    @AfterContainer
    static void stop() {
        System.out.println("TaskVisibilityAgreesWithCoreTest: " + checks.get() + " (principal, task) pairs checked");
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 60)
    void listingShowsExactlyTheTasksTheCoreLetsEachPrincipalRead(@ForAll("seeds") long seed) {
        Random random = new Random(seed);
        RandomWorkspace world = RandomWorkspace.generate(random);
        world.write(StandaloneContext.get().getBean(JdbcClient.class));
        TaskQuery query = StandaloneContext.get().getBean(TaskQuery.class);

        for (RandomWorkspace.Principal principal : world.principals) {
            PrincipalFacts facts = world.facts(principal);
            TaskQuery.Filter filter = randomFilter(world, random);
            List<String> allowed = new ArrayList<>();
            for (RandomWorkspace.Task task : world.tasks) {
                if (AccessPolicy.decide(facts, Action.TASK_READ, world.resource(principal, task)).allowed()
                        && matches(task, filter)) {
                    allowed.add(task.id() + " in " + task.lists());
                }
                checks.incrementAndGet();
            }
            // Project by project (any number of projects counts as few), walking (none does), the default,
            // and a threshold so low that a project reached twice (public and a member) fills it.
            for (int byProjectLimit : new int[] {Integer.MAX_VALUE - 1, 0, 2, TaskQuery.BY_PROJECT_LIMIT}) {
                int pageSize = 1 + random.nextInt(4);
                List<String> listed = new ArrayList<>();
                String after = null;
                while (true) {
                    List<Tasks.Task> page = query.page(world.workspaceId, principal.type(), principal.id(),
                            TaskReadScope.of(facts), filter, after, pageSize, byProjectLimit, TaskQuery.Memo.NONE);
                    page.forEach(task -> listed.add(task.id() + " in "
                            + task.lists().stream().map(TaskFields.Placement::id).toList()));
                    if (page.size() < pageSize) {
                        break;
                    }
                    after = page.getLast().id();
                }
                assertThat(listed).as("seed %d, %s, filter %s, by-project limit %d", seed, facts, filter,
                        byProjectLimit).isEqualTo(allowed);
            }
        }
    }

    /** A random workspace: people, API clients, custom roles, teams, projects, memberships and tasks. */
    /** No filter half of the time; otherwise one of the listing's filters, on a value that occurs. */
    private static TaskQuery.Filter randomFilter(RandomWorkspace world, Random random) {
        RandomWorkspace.Task some = world.tasks.get(random.nextInt(world.tasks.size()));
        return switch (random.nextInt(8)) {
            case 0 -> new TaskQuery.Filter(world.projects.get(random.nextInt(world.projects.size())).id(), null, null, null,
                    null, null, null, null);
            case 1 -> new TaskQuery.Filter(null, null, null, some.status(), null, null, null, null);
            case 2 -> new TaskQuery.Filter(null, null, null, null, some.type(), null, null, null);
            case 3 -> new TaskQuery.Filter(null, null, some.assigneeId() == null ? some.createdBy()
                    : some.assigneeId(), null, null, null, null, null);
            case 4 -> new TaskQuery.Filter(null, some.lists().isEmpty() ? "lst_none" : some.lists().getLast(),
                    null, null, null, null, null, null);
            default -> new TaskQuery.Filter(null, null, null, null, null, null, null, null);
        };
    }

    private static boolean matches(RandomWorkspace.Task task, TaskQuery.Filter filter) {
        return (filter.projectId() == null || filter.projectId().equals(task.projectId()))
                && (filter.listId() == null || task.lists().contains(filter.listId()))
                && (filter.status() == null || filter.status().equals(task.status()))
                && (filter.type() == null || filter.type().equals(task.type()))
                && (filter.assigneeId() == null || filter.assigneeId().equals(task.assigneeId()));
    }
}
