package io.taskgate.console;

import static io.taskgate.testing.ConsoleHttp.cookie;
import static io.taskgate.testing.ConsoleHttp.csrf;
import static io.taskgate.testing.ConsoleHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.taskgate.testing.Api;
import io.taskgate.testing.ConsoleHttp;
import io.taskgate.testing.HttpTest;

@TestPropertySource(properties = "taskgate.rate-limit.failed-authentications-per-minute=2")
class ConsoleLoginThrottleTest extends HttpTest {

    @Test
    void wrongPasswordsOnTheSignInFormSpendTheAddressBudgetLikeTheApis() {
        Api.Person pat = api().signUp("Pat");
        ConsoleHttp console = new ConsoleHttp(port);

        for (int i = 0; i < 2; i++) {
            assertThat(logIn(console, pat.email(), "wrong-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> slowed = logIn(console, pat.email(), "wrong-again");

        assertThat(slowed.statusCode()).isEqualTo(429);
        assertThat(slowed.headers().firstValue("Retry-After")).isPresent();
        assertThat(slowed.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    }

    private static HttpResponse<String> logIn(ConsoleHttp console, String email, String password) {
        HttpResponse<String> page = console.send("GET", "/login", null, null);
        if (page.statusCode() != 200) {
            return page;
        }
        String preSession = cookie(page, Cookies.PRE_SESSION).split(";")[0];
        return console.send("POST", "/login", preSession,
                form("_csrf", csrf(page), "email", email, "password", password));
    }
}
