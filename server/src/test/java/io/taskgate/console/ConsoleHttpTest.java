package io.taskgate.console;

import static io.taskgate.testing.ConsoleHttp.cookie;
import static io.taskgate.testing.ConsoleHttp.csrf;
import static io.taskgate.testing.ConsoleHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.taskgate.testing.Api;

/**
 * The console's HTTP contract without a browser: cookies, CSRF, redirects, its own 404 and 405
 * pages, and the API left as it was. A browser would hide these (it follows redirects and fills
 * hidden fields), so they are asked raw.
 */
class ConsoleHttpTest extends ConsoleSessions {

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndHoldsASessionToken() {
        HttpResponse<String> login = send("GET", "/signup", null, null);
        String preSession = cookie(login, Cookies.PRE_SESSION).split(";")[0];
        HttpResponse<String> signedUp = send("POST", "/signup", preSession, form("_csrf", csrf(login),
                "name", "Olga", "email", "olga-" + System.nanoTime() + "@example.com", "password", "correct horse"));

        String session = cookie(signedUp, Cookies.SESSION);
        assertThat(session).startsWith(Cookies.SESSION + "=tgs_").contains("HttpOnly").contains("SameSite=Lax")
                .contains("Path=/").doesNotContain("Secure");
        String token = session.split(";")[0].substring(Cookies.SESSION.length() + 1);
        assertThat(api().get("/api/v1/me", token).get("name")).isEqualTo("Olga");
    }

    @Test
    void aPostWithoutTheCsrfTokenOfThisBrowserIsRefusedAndChangesNothing() {
        String session = signedIn();
        String page = send("GET", "/workspaces", session, null).body();
        assertThat(page).contains("_csrf");

        for (String token : List.of("", "0000", csrf(send("GET", "/signup", null, null)))) {
            HttpResponse<String> forged = send("POST", "/workspaces", session, form("_csrf", token, "name", "Forged"));
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(forged.body()).contains("This form has expired");
        }
        assertThat(send("GET", "/workspaces", session, null).body()).doesNotContain("Forged");

        HttpResponse<String> real = send("POST", "/workspaces", session, form("_csrf", csrf(
                send("GET", "/workspaces", session, null)), "name", "Real"));
        assertThat(real.statusCode()).isEqualTo(302);
    }

    @Test
    void aTamperedFormFieldIsA400PageAndChangesNothing() {
        Cafe cafe = cafeWithAList();
        String session = cafe.session();
        String token = cafe.token();
        String ws = cafe.workspaceId();
        String project = cafe.projectId();
        String list = cafe.listId();
        String position = api().createPosition(ws, token, "Barista");
        String lists = "/w/" + ws + "/projects/" + project + "/lists";
        String csrf = csrf(send("GET", "/workspaces", session, null));

        HttpResponse<String> rename = send("POST", lists + "/" + list, session,
                form("_csrf", csrf, "name", "Tomorrow", "version", "abc"));
        HttpResponse<String> remedy = send("POST", "/w/" + ws + "/access/remedies", session,
                form("_csrf", csrf, "principal", "user:x", "action", "project.read", "resource", "project:" + project,
                        "index", "x"));
        HttpResponse<String> assign = send("POST", "/w/" + ws + "/positions/" + position + "/people", session,
                form("_csrf", csrf, "userId", Api.expect(api().get("/api/v1/me", token), 200).get("id"),
                        "as", "boss"));

        assertThat(rename.statusCode()).isEqualTo(400);
        assertThat(rename.body()).contains("This request cannot be handled").doesNotContain("Something went wrong");
        assertThat(remedy.statusCode()).isEqualTo(400);
        assertThat(assign.statusCode()).as("'as' is manager or staff, nothing else").isEqualTo(422);
        assertThat(api().get("/api/v1/workspaces/" + ws + "/projects/" + project + "/lists/" + list, token)
                .get("name")).isEqualTo("Today");
        assertThat(api().get("/api/v1/workspaces/" + ws + "/positions/" + position + "/staff", token).json()
                .path("items")).isEmpty();
    }

    @Test
    void consolePagesRedirectToTheLoginPageWithoutASession() {
        assertThat(send("GET", "/", null, null).headers().firstValue("Location").orElse("")).endsWith("/login");
        for (String path : List.of("/workspaces", "/w/ws_x/projects", "/w/ws_x/api-clients?x=1")) {
            HttpResponse<String> page = send("GET", path, null, null);
            assertThat(page.statusCode()).as(path).isEqualTo(302);
            assertThat(page.headers().firstValue("Location").orElse("")).as(path)
                    .endsWith("/login?next=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8));
        }
        HttpResponse<String> stale = send("GET", "/workspaces", Cookies.SESSION + "=tgs_unknown", null);
        assertThat(stale.headers().firstValue("Location").orElse("")).contains("/login");
    }

    @Test
    void loggingInGoesBackToThePageAskedForAndOnlyToAPageOfThisSite() {
        Api.Person olga = api().signUp("Olga");
        String ws = api().createWorkspace(olga, "Cafe");
        for (var next : java.util.Map.of("/w/" + ws + "/people", "/w/" + ws + "/people",
                "https://evil.example/", "/", "//evil.example/", "/", "/\\evil.example", "/", "/{x}", "/").entrySet()) {
            HttpResponse<String> login = send("GET", "/login?next="
                    + java.net.URLEncoder.encode(next.getKey(), java.nio.charset.StandardCharsets.UTF_8), null, null);
            assertThat(login.body()).as(next.getKey()).contains("name=\"next\"");
            String preSession = cookie(login, Cookies.PRE_SESSION).split(";")[0];
            HttpResponse<String> loggedIn = send("POST", "/login", preSession, form("_csrf", csrf(login),
                    "email", olga.email(), "password", "correct horse battery", "next", next.getKey()));
            assertThat(loggedIn.headers().firstValue("Location").orElse("")).as(next.getKey())
                    .endsWith(next.getValue());
            String session = cookie(loggedIn, Cookies.SESSION).split(";")[0];
            assertThat(send("GET", "/login", session, null).headers().firstValue("Location").orElse(""))
                    .as("the login page of someone logged in").endsWith("/");
        }
    }

    @Test
    void aNextWithDotSegmentsGoesToTheDefaultPageAndWhatIsKeptIsPercentEncoded() {
        Api.Person olga = api().signUp("Olga");
        String session = loggedIn(olga);
        String access = "/w/ws_1/access?principal=user%3Ausr_1&action=task.create";
        var cases = java.util.Map.of("/w/../../x", "/", "/w/%2e%2e/%2E%2E/x", "/", "/./x", "/", "/w/..;/x", "/",
                "/w/x#y", "/", "/x y", "/x%20y", "/\u00e9t\u00e9", "/%C3%A9t%C3%A9", access, access,
                "/100%", "/100%25");
        for (var next : cases.entrySet()) {
            String asked = java.net.URLEncoder.encode(next.getKey(), java.nio.charset.StandardCharsets.UTF_8);
            String expected = "http://localhost:" + port + next.getValue();

            HttpResponse<String> signedIn = send("GET", "/login?next=" + asked, session, null);
            assertThat(signedIn.statusCode()).as(next.getKey()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location")).as(next.getKey()).contains(expected);

            HttpResponse<String> login = send("GET", "/login?next=" + asked, null, null);
            HttpResponse<String> loggedIn = send("POST", "/login", cookie(login, Cookies.PRE_SESSION).split(";")[0],
                    form("_csrf", csrf(login), "email", olga.email(), "password", "correct horse battery",
                            "next", next.getKey()));
            assertThat(loggedIn.statusCode()).as(next.getKey()).isEqualTo(302);
            assertThat(loggedIn.headers().firstValue("Location")).as(next.getKey()).contains(expected);
        }
    }

    @Test
    void theApiIgnoresTheConsoleCookieAndKeepsItsProblemAnswers() {
        String session = signedIn();

        HttpResponse<String> me = send("GET", "/api/v1/me", session, null);
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        HttpResponse<String> post = send("POST", "/api/v1/auth/login", session, null);
        assertThat(post.statusCode()).isNotEqualTo(403);
    }

    @Test
    void unknownConsoleUrlsAnswerTheConsolesHtmlNotFoundPage() {
        String session = signedIn();
        String workspace = send("POST", "/workspaces", session, form("_csrf", csrf(send("GET", "/workspaces",
                session, null)), "name", "Cafe")).headers().firstValue("Location").orElseThrow()
                .replaceAll(".*/w/([^/]+)/projects$", "$1");

        for (String path : List.of("/w/" + workspace + "/nothing-here", "/w/" + workspace + "/projects/prj_x/what",
                "/w/ws_unknown/nowhere", "/nothing-here", "/console/nothing-here")) {
            HttpResponse<String> page = send("GET", path, session, null);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
            assertThat(page.body()).as(path).contains("<h1>Not found</h1>")
                    .contains("href=\"/console/console.css\"")
                    .contains("class=\"topbar\"").contains(">Cafe</option>").contains("Log out")
                    .doesNotContain("\"code\"");
        }
        assertThat(send("GET", "/console/missing.css", session, null).statusCode()).isEqualTo(404);

        // A form's address reopened (it stays in the address bar after a refused form) goes back to its page.
        for (var formAndPage : java.util.Map.of("/w/" + workspace + "/people/usr_x", "/w/" + workspace + "/people",
                "/w/" + workspace + "/projects/prj_x/lists", "/w/" + workspace + "/projects/prj_x",
                "/w/" + workspace + "/positions/pos_x/delete", "/w/" + workspace + "/positions").entrySet()) {
            HttpResponse<String> reopened = send("GET", formAndPage.getKey(), session, null);
            assertThat(reopened.statusCode()).as(formAndPage.getKey()).isEqualTo(303);
            assertThat(reopened.headers().firstValue("Location").orElse("")).isEqualTo(formAndPage.getValue());
        }
        for (String formAddress : List.of("/logout")) {
            HttpResponse<String> opened = send("GET", formAddress, session, null);
            assertThat(opened.statusCode()).as(formAddress).isEqualTo(405);
            assertThat(opened.headers().firstValue("Allow").orElse("")).as(formAddress).contains("POST");
            assertThat(opened.headers().firstValue("Content-Type").orElse("")).as(formAddress)
                    .startsWith("text/html");
            assertThat(opened.body()).as(formAddress).contains("This address takes a form")
                    .doesNotContain("\"code\"");
        }

        HttpResponse<String> anonymous = send("GET", "/w/" + workspace + "/nothing-here", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(404);
        assertThat(anonymous.body()).contains("<h1>Not found</h1>").contains("href=\"/login\"")
                .doesNotContain("Cafe").doesNotContain("class=\"topbar\"");
    }

    @Test
    void unknownApiUrlsKeepAnsweringProblemJson() {
        String session = signedIn();
        for (String path : List.of("/api/v1/nothing-here", "/api/v1/workspaces/ws_x/nothing-here", "/api/nothing")) {
            HttpResponse<String> answer = send("GET", path, session, null);
            assertThat(answer.statusCode()).as(path).isIn(401, 404);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(path)
                    .startsWith("application/problem+json");
        }
        String token = api().signUp("Ana").token();
        Api.Response unknown = api().get("/api/v1/nothing-here", token);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknown.get("code")).isEqualTo("not_found");
    }

    @Test
    void pagesAreNeverCachedNorFramed() {
        HttpResponse<String> page = send("GET", "/login", null, null);
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(send("GET", "/webjars/htmx.org/dist/htmx.min.js", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/console/console.css", null, null).statusCode()).isEqualTo(200);
    }
}
