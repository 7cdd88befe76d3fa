package io.taskgate.console;

import static io.taskgate.testing.ConsoleHttp.cookie;
import static io.taskgate.testing.ConsoleHttp.csrf;
import static io.taskgate.testing.ConsoleHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import io.taskgate.testing.Api;
import io.taskgate.testing.ConsoleHttp;
import io.taskgate.testing.HttpTest;

/** The console asked raw, over HTTP: its cookies, its forms with their CSRF token, a person signed in. */
abstract class ConsoleSessions extends HttpTest {

    private ConsoleHttp console;

    protected HttpResponse<String> send(String method, String path, String cookie, String form) {
        if (console == null) {
            console = new ConsoleHttp(port);
        }
        return console.send(method, path, cookie, form);
    }

    /** Signs up through the console's form and answers the session cookie it set. */
    protected String signedIn() {
        HttpResponse<String> login = send("GET", "/signup", null, null);
        String preSession = cookie(login, Cookies.PRE_SESSION).split(";")[0];
        HttpResponse<String> signedUp = send("POST", "/signup", preSession, form("_csrf", csrf(login),
                "name", "Olga", "email", "olga-" + System.nanoTime() + "@example.com", "password", "correct horse"));
        assertThat(signedUp.statusCode()).isEqualTo(302);
        return cookie(signedUp, Cookies.SESSION).split(";")[0];
    }

    /** Logs into the console as someone who signed up through the API. */
    protected String loggedIn(Api.Person person) {
        HttpResponse<String> login = send("GET", "/login", null, null);
        String preSession = cookie(login, Cookies.PRE_SESSION).split(";")[0];
        HttpResponse<String> loggedIn = send("POST", "/login", preSession, form("_csrf", csrf(login),
                "email", person.email(), "password", "correct horse battery"));
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        return cookie(loggedIn, Cookies.SESSION).split(";")[0];
    }

    /** Someone signed up through the console, owning workspace Cafe with a private project Menu and its list Today. */
    record Cafe(String session, String token, String workspaceId, String projectId, String listId) {
    }

    protected Cafe cafeWithAList() {
        String session = signedIn();
        String token = session.substring(session.indexOf('=') + 1);
        String ws = Api.expect(api().post("/api/v1/workspaces", token, Map.of("name", "Cafe")), 201).get("id");
        String project = Api.expect(api().post("/api/v1/workspaces/" + ws + "/projects", token,
                Map.of("name", "Menu", "visibility", "private")), 201).get("id");
        String list = Api.expect(api().post("/api/v1/workspaces/" + ws + "/projects/" + project + "/lists", token,
                Map.of("name", "Today")), 201).get("id");
        return new Cafe(session, token, ws, project, list);
    }
}
