package io.taskgate.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;
import tools.jackson.databind.JsonNode;

/**
 * A project's member candidates page by name (then id), and a walk through them survives a
 * candidate being renamed, added to the project or deleted while it goes: the cursor holds the
 * name and id of the last candidate shown, so the next page starts after that place whatever
 * became of that candidate since.
 *
 * <p>Names compare as the database collates them, which differs between H2 and PostgreSQL
 * collations (case, accents, symbols, characters outside the BMP), so the tests take the order
 * from the server's own one-page answer rather than assuming it. Three teams and three people
 * share a name: equal names sit next to each other in any collation, so one of each three ends
 * a page of two, and a page ends between two of them, where only the id can tell which comes
 * next.
 */
class MemberCandidatePaginationTest extends HttpTest {

    private static final String BAKERS = "Bäckerei: früh 🍰";
    private static final String SAM = "Sam Lee";

    private Api.Person olga;
    private String base;
    private String candidates;
    private String project;

    @BeforeEach
    void candidatesWithAwkwardNames() {
        olga = api().signUp("Olga");
        String ws = api().createWorkspace(olga, "Cafe");
        base = "/api/v1/workspaces/" + ws;
        project = api().createProject(ws, olga.token(), "Menu", "private");
        candidates = base + "/projects/" + project + "/member-candidates";
        for (String name : List.of("Ann", "bea", "Émile", "Zoë", SAM, SAM, SAM)) {
            api().addMember(ws, olga, name, "member");
        }
        for (String name : List.of(BAKERS, BAKERS, BAKERS, "Ｚ wide", "😀 emoji", "kitchen: late")) {
            Api.expect(api().post(base + "/teams", olga.token(), Map.of("name", name)), 201);
        }
        api().createApiClient(ws, olga.token(), "zapier:sync", "member", "read_write");
    }

    @Test
    void aCandidateRenamedBetweenPagesHidesNoOtherAndIsMetAgainAtItsNewPlace() {
        List<String> before = everyCandidate();
        int last = endOfAPage(before, BAKERS);
        String renamed = before.get(last);

        List<String> walked = walk(last, id -> Api.expect(api().patch(base + "/teams/" + id, olga.token(),
                Map.of("name", "zzzz renamed")), 200));

        // Those shown before the rename, then every candidate after the renamed team's old place
        // as the candidates stand now. Its old name ("B…") sorts before "zzzz renamed" in every
        // collation, so its new place is after the cursor: it is met again there, and it is the
        // only candidate met twice; no other is missed.
        List<String> expected = new ArrayList<>(before.subList(0, last + 1));
        everyCandidate().stream().filter(id -> !before.subList(0, last).contains(id)).forEach(expected::add);
        assertThat(walked).containsExactlyElementsOf(expected);
        assertThat(Collections.frequency(walked, renamed)).isEqualTo(2);
        assertThat(walked).containsAll(before);
        assertThat(walked.stream().filter(id -> !id.equals(renamed))).doesNotHaveDuplicates();
    }

    @Test
    void aCandidateBecomingAMemberBetweenPagesDoesNotEndTheWalk() {
        List<String> before = everyCandidate();
        int last = endOfAPage(before, SAM);

        List<String> walked = walk(last, id -> Api.expect(api().post(base + "/projects/" + project + "/members",
                olga.token(), Map.of("principalType", "user", "principalId", id, "role", "guest")), 201));

        assertThat(walked).as("every candidate once, the new member where it was when it was shown")
                .containsExactlyElementsOf(before);
        assertThat(everyCandidate()).doesNotContain(before.get(last));
    }

    @Test
    void aCandidateDeletedBetweenPagesDoesNotEndTheWalk() {
        List<String> before = everyCandidate();
        int last = endOfAPage(before, BAKERS);

        List<String> walked = walk(last, id -> Api.expect(api().delete(base + "/teams/" + id, olga.token()), 204));

        assertThat(walked).containsExactlyElementsOf(before);
    }

    @Test
    void candidatesSharingANamePageByIdWithinIt() {
        List<String> before = everyCandidate();

        assertThat(walk()).containsExactlyElementsOf(before);
    }

    @Test
    void aCursorThisServerDidNotIssueForTheCandidatesIsA422OnCursor() {
        String cursor = page(null).get("nextCursor");
        String teamsCursor = Api.expect(api().get(base + "/teams?limit=1", olga.token()), 200).get("nextCursor");

        for (String foreign : List.of("garbage", cursor + "!", cursor.substring(1), teamsCursor)) {
            Api.Response answer = api().get(candidates + "?limit=2&cursor=" + foreign, olga.token());
            assertThat(answer.status()).as(foreign).isEqualTo(422);
            assertThat(answer.json().path("errors").get(0).path("field").asString()).isEqualTo("cursor");
        }
    }

    /** The principal ids of every candidate, in the server's order, read in one page. */
    private List<String> everyCandidate() {
        return principalIds(Api.expect(api().get(candidates + "?limit=200", olga.token()), 200));
    }

    /**
     * The index of a candidate named {@code name} that ends a page of two (an odd index). Of
     * three candidates sharing a name, side by side in any collation, one or two do.
     */
    private int endOfAPage(List<String> order, String name) {
        List<JsonNode> items = new ArrayList<>();
        Api.expect(api().get(candidates + "?limit=200", olga.token()), 200).json().path("items").forEach(items::add);
        for (int i = 1; i < items.size(); i += 2) {
            if (items.get(i).path("name").asString().equals(name)) {
                assertThat(items.get(i).path("principalId").asString()).isEqualTo(order.get(i));
                return i;
            }
        }
        throw new AssertionError("no " + name + " ends a page of two in " + items);
    }

    /**
     * Walks the candidates two by two; once the page ending at index {@code last} is read, does
     * {@code meanwhile} to the candidate shown there. Answers the principal ids met, in order.
     */
    private List<String> walk(int last, Consumer<String> meanwhile) {
        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = page(cursor);
            List<String> ids = principalIds(page);
            assertThat(ids.size()).isLessThanOrEqualTo(2);
            walked.addAll(ids);
            if (walked.size() == last + 1) {
                meanwhile.accept(walked.getLast());
            }
            cursor = page.json().path("nextCursor").isNull() ? null : page.get("nextCursor");
        } while (cursor != null);
        return walked;
    }

    private List<String> walk() {
        return walk(-1, id -> {
        });
    }

    private Api.Response page(String cursor) {
        return Api.expect(api().get(candidates + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                olga.token()), 200);
    }

    private static List<String> principalIds(Api.Response page) {
        List<String> ids = new ArrayList<>();
        page.json().path("items").forEach(item -> ids.add(item.path("principalId").asString()));
        return ids;
    }
}
