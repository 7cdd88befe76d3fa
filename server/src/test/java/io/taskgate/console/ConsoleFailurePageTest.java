package io.taskgate.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A bug behind a console page shows a browser the console's own error page with a correlation id
 * that leads to the stack trace in the log — also when it fails after its handler, while a
 * redirect is sent — and the API's addresses keep their problem+json.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConsoleFailurePageTest extends ConsoleSessions {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void aBugInAConsolePageIsTheConsolesErrorPageWithACorrelationId(CapturedOutput output) {
        String session = signedIn();
        for (String path : new String[] {FailingPages.BROKEN, FailingPages.BROKEN_REDIRECT}) {
            HttpResponse<String> page = browser("GET", path, session);

            assertThat(page.statusCode()).as(path).isEqualTo(500);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
            String correlationId = page.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(page.body()).as(path).contains("<h1>Something went wrong</h1>")
                    .contains("href=\"/console/console.css\"").contains(correlationId)
                    .doesNotContain("secret_table").doesNotContain("hunter2").doesNotContain("\"code\"");
            assertThat(output.getAll()).as(path).contains("correlationId=" + correlationId);
        }
        assertThat(output.getAll()).contains("IllegalStateException").contains("IllegalArgumentException");
    }

    @Test
    void whatTheContainerRefusesItselfIsTheConsolesPageOnItsAddressesAndProblemJsonOnTheApis() {
        String session = signedIn();

        HttpResponse<String> console = browser("TRACE", "/workspaces", session);
        HttpResponse<String> api = browser("TRACE", "/api/v1/me", session);

        assertThat(console.statusCode()).isEqualTo(405);
        assertThat(console.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(console.body()).contains("<h1>This request cannot be handled</h1>");
        assertThat(api.statusCode()).isEqualTo(405);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(api.body()).contains("\"code\"");
    }

    @Test
    void aFailureAfterTheHandlerNamesItsCorrelationIdToAClientThatAsksForJson(CapturedOutput output) {
        HttpResponse<String> failed = send("GET", FailingPages.BROKEN_REDIRECT, signedIn(), null);

        assertThat(failed.statusCode()).isEqualTo(500);
        String correlationId = failed.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(failed.body()).contains("\"correlationId\":\"" + correlationId + "\"")
                .doesNotContain("secret_table");
        assertThat(output.getAll()).contains(correlationId);
    }

    /** Asked as a browser asks: HTML first. */
    private HttpResponse<String> browser(String method, String path, String cookie) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .method(method, HttpRequest.BodyPublishers.noBody())
                    .header("Accept", BROWSER_ACCEPT).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
