package io.taskgate.console;

import static io.taskgate.testing.ConsoleHttp.csrf;
import static io.taskgate.testing.ConsoleHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.taskgate.testing.Api;

/** A person's own account page: a new password ends their other sessions; "sign out everywhere" ends all. */
class AccountPagesTest extends ConsoleSessions {

    private Api.Person olga;
    private String session;
    private String csrf;

    @BeforeEach
    void olgaSignedIn() {
        olga = api().signUp("Olga");
        session = loggedIn(olga);
        csrf = csrf(send("GET", "/account", session, null));
    }

    @Test
    void theTopBarLeadsToTheAccountPage() {
        String page = send("GET", "/workspaces", session, null).body();

        assertThat(page).contains("href=\"/account\"");
        assertThat(send("GET", "/account", session, null).body()).contains(olga.email()).contains("Change your password");
    }

    @Test
    void aNewPasswordEndsTheOtherSessionsAndKeepsThisOne() {
        HttpResponse<String> changed = send("POST", "/account/password", session, form("_csrf", csrf,
                "currentPassword", "correct horse battery", "newPassword", "a much longer passphrase"));

        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(changed.headers().firstValue("location").orElseThrow()).endsWith("/account?changed");
        assertThat(send("GET", "/account?changed", session, null).body()).contains("Your password was changed");
        assertThat(api().get("/api/v1/me", olga.token()).status()).as("the API session opened before").isEqualTo(401);
        assertThat(api().post("/api/v1/auth/login", null, Map.of("email", olga.email(),
                "password", "a much longer passphrase")).status()).isEqualTo(200);
    }

    @Test
    void aWrongCurrentPasswordIsShownOnItsFieldAndNeverEchoed() {
        HttpResponse<String> refused = send("POST", "/account/password", session, form("_csrf", csrf,
                "currentPassword", "guessed-wrong-123", "newPassword", "a much longer passphrase"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("is not your current password")
                .doesNotContain("guessed-wrong-123").doesNotContain("a much longer passphrase");
        assertThat(api().get("/api/v1/me", olga.token()).status()).as("nothing changed").isEqualTo(200);
        HttpResponse<String> tooShort = send("POST", "/account/password", session, form("_csrf", csrf,
                "currentPassword", "correct horse battery", "newPassword", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(tooShort.body()).contains("must be at least 8 characters");
    }

    @Test
    void signingOutEverywhereEndsThisSessionAndEveryOther() {
        HttpResponse<String> ended = send("POST", "/account/sessions/end", session, form("_csrf", csrf));

        assertThat(ended.statusCode()).isEqualTo(302);
        assertThat(ended.headers().firstValue("location").orElseThrow()).endsWith("/login");
        assertThat(api().get("/api/v1/me", olga.token()).status()).isEqualTo(401);
        HttpResponse<String> after = send("GET", "/account", session, null);
        assertThat(after.statusCode()).as("this browser's session is over too").isEqualTo(302);
    }

    @Test
    void withoutTheFormTokenNothingChanges() {
        HttpResponse<String> forged = send("POST", "/account/sessions/end", session, form("currentPassword", "x"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(api().get("/api/v1/me", olga.token()).status()).isEqualTo(200);
    }
}
