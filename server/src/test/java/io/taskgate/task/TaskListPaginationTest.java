package io.taskgate.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;

/**
 * A project's lists page in their order ({@code order}, then id), and a walk through them
 * survives lists being moved and deleted while it goes: the cursor holds the place (order, id)
 * of the last list shown, not only its id, so the next page starts after that place whatever
 * became of that list since.
 */
class TaskListPaginationTest extends HttpTest {

    private Api.Person olga;
    private String ws;
    private String lists;
    private final List<String> created = new ArrayList<>();

    @BeforeEach
    void eightListsInOrder() {
        olga = api().signUp("Olga");
        ws = api().createWorkspace(olga, "Cafe");
        String project = api().createProject(ws, olga.token(), "Menu", "private");
        lists = "/api/v1/workspaces/" + ws + "/projects/" + project + "/lists";
        created.clear();
        for (int i = 0; i < 8; i++) {
            created.add(Api.expect(api().post(lists, olga.token(), Map.of("name", "L" + i)), 201).get("id"));
        }
    }

    @Test
    void aListMovedToTheEndBetweenPagesHidesNoOtherListAndIsMetAgainAtItsNewPlace() {
        Api.Response first = page(null);
        assertThat(first.ids()).containsExactly(created.get(0), created.get(1));

        Api.expect(api().patch(lists + "/" + created.get(1), olga.token(), Map.of("order", 1000)), 200);
        List<String> walked = new ArrayList<>(first.ids());
        walked.addAll(walkFrom(first.get("nextCursor")));

        // The walk reads the lists as they are page by page, not a snapshot: L2…L7, which kept
        // their places, come once each after L1's old place; L1 itself, moved past them, is met
        // again at its new place, last. Nothing is missed and only the moved list repeats.
        List<String> expected = new ArrayList<>(created);
        expected.add(created.get(1));
        assertThat(walked).containsExactlyElementsOf(expected);
    }

    @Test
    void aListDeletedBetweenPagesDoesNotEndTheWalk() {
        Api.Response first = page(null);
        assertThat(first.ids()).containsExactly(created.get(0), created.get(1));

        Api.expect(api().delete(lists + "/" + created.get(1), olga.token()), 204);
        List<String> walked = new ArrayList<>(first.ids());
        walked.addAll(walkFrom(first.get("nextCursor")));

        assertThat(walked).as("every list once, the deleted one where it was when it was shown")
                .containsExactlyElementsOf(created);
    }

    @Test
    void listsSharingAnOrderPageByIdWithinIt() {
        for (String list : created) {
            Api.expect(api().patch(lists + "/" + list, olga.token(), Map.of("order", 7)), 200);
        }
        List<String> everyList = Api.expect(api().get(lists + "?limit=200", olga.token()), 200).ids();
        assertThat(everyList).as("ids break the tie, oldest first").containsExactlyElementsOf(created);

        assertThat(walkFrom(null)).containsExactlyElementsOf(created);
    }

    @Test
    void aCursorThisServerDidNotIssueForTheseListsIsA422OnCursor() {
        String listCursor = page(null).get("nextCursor");
        api().createProject(ws, olga.token(), "Second", "private");
        String projectsCursor = Api.expect(api().get("/api/v1/workspaces/" + ws + "/projects?limit=1",
                olga.token()), 200).get("nextCursor");

        for (String foreign : List.of("garbage", listCursor + "!", listCursor.substring(1), projectsCursor)) {
            Api.Response answer = api().get(lists + "?limit=2&cursor=" + foreign, olga.token());
            assertThat(answer.status()).as(foreign).isEqualTo(422);
            assertThat(answer.json().path("errors").get(0).path("field").asString()).isEqualTo("cursor");
        }
    }

    private Api.Response page(String cursor) {
        return Api.expect(api().get(lists + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                olga.token()), 200);
    }

    /** The ids of every list from {@code cursor} (the first page when null) to the last page. */
    private List<String> walkFrom(String cursor) {
        List<String> walked = new ArrayList<>();
        do {
            Api.Response page = page(cursor);
            assertThat(page.ids().size()).isLessThanOrEqualTo(2);
            walked.addAll(page.ids());
            cursor = page.json().path("nextCursor").isNull() ? null : page.get("nextCursor");
        } while (cursor != null);
        return walked;
    }
}
