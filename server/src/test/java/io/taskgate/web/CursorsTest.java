package io.taskgate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/**
 * What a cursor holds: an id for collections sorted by id (unchanged), a (key, id) place for
 * collections sorted by a key that can change; and that anything else is a 422 on {@code cursor}.
 */
class CursorsTest {

    @Test
    void aCursorByIdComesBackAsItWentAndOneIssuedBeforeCursorsNamedTheirCollectionStillServes() {
        String cursor = Cursors.encode("prj_01hx");

        assertThat(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8))
                .matches("v3:[0-9a-f]{8}:prj_01hx");
        assertThat(Cursors.decode(cursor, "prj")).isEqualTo("prj_01hx");
        assertThat(Cursors.decode(base64("v1:prj_01hx"), "prj")).isEqualTo("prj_01hx");
        assertThat(Cursors.decodeSortKey(base64("v2:usr_x:Ann"))).isEqualTo(new Cursors.SortKey("Ann", "usr_x"));
    }

    @Test
    void aCursorNamingAnotherCollectionIsA422() {
        String elsewhere = base64("v3:0badf00d:prj_01hx");

        assertThatThrownBy(() -> Cursors.decode(elsewhere, "prj"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.getMessage())
                        .contains("another collection"));
        assertThatThrownBy(() -> Cursors.decodeSortKey(base64("v4:0badf00d:usr_x:Ann")))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.getMessage())
                        .contains("another collection"));
        assertThatThrownBy(() -> Cursors.decode(base64("v3:short:prj_01hx"), "prj")).isInstanceOf(ApiProblem.class);
    }

    @Test
    void aCursorIssuedBeforeCursorsNamedTheirCollectionServesOnlyItsKindOfId() {
        assertThat(Cursors.decodeSortKey(base64("v2:list_x:1"), "list").numericKey()).isEqualTo(1);
        assertThatThrownBy(() -> Cursors.decodeSortKey(base64("v2:list_x:1"), "usr", "cli", "team"))
                .as("a list's place is no member candidate's")
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.getMessage())
                        .contains("another collection"));
        assertThatThrownBy(() -> Cursors.decode(base64("v1:task_x"), "prj")).isInstanceOf(ApiProblem.class);
    }

    @Test
    void aCursorByIdServesOnlyTheCollectionOfItsKindOfId() {
        String aTaskCursor = Cursors.encode("task_01hx");

        assertThat(Cursors.decode(aTaskCursor, "usr", "task")).isEqualTo("task_01hx");
        assertThatThrownBy(() -> Cursors.decode(aTaskCursor, "prj"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.getMessage())
                        .contains("another collection"));
        assertThatThrownBy(() -> Cursors.decode(Cursors.encode("taskforce_01hx"), "task"))
                .as("a kind is the whole prefix before '_'").isInstanceOf(ApiProblem.class);
    }

    @Test
    void aSortKeyComesBackAsItWentWhateverCharactersItHolds() {
        for (String key : new String[] {"Ann", "zapier:sync", ":", "a::b:", "Bäckerei: früh 🍰", "Ｚ", " ", "",
            "-9223372036854775808", "v1:team_x"}) {
            Cursors.SortKey place = new Cursors.SortKey(key, "team_01hx");

            assertThat(Cursors.decodeSortKey(Cursors.encode(place))).as(key).isEqualTo(place);
        }
        assertThat(Cursors.decodeSortKey(Cursors.encode(Cursors.SortKey.of(-42, "list_01hx"))).numericKey())
                .isEqualTo(-42);
    }

    @Test
    void noCursorIsTheFirstPage() {
        assertThat(Cursors.decodeSortKey(null)).isNull();
        assertThat(Cursors.decodeSortKey(" ")).isNull();
    }

    @Test
    void aCursorNotIssuedAsASortKeyIsA422OnCursor() {
        for (String cursor : new String[] {"garbage", "!!", base64("v2:"), base64("v2::Ann"), base64("v2:team_x"),
            base64("v3:team_x:Ann"), base64("v2:team_x:Ann\u0000"), base64("v1:team_x"), base64("v4:"),
            Base64.getUrlEncoder().encodeToString(new byte[] {'v', '2', ':', 't', ':', (byte) 0xC3})}) {
            assertThatThrownBy(() -> Cursors.decodeSortKey(cursor)).as(cursor)
                    .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.getMessage())
                            .contains("cursor"));
        }
        Cursors.SortKey named = Cursors.decodeSortKey(Cursors.encode(new Cursors.SortKey("Ann", "usr_x")));
        assertThatThrownBy(named::numericKey).isInstanceOf(ApiProblem.class);
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
