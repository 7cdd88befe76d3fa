package io.taskgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.taskgate.testing.Api;
import io.taskgate.testing.FailingEndpoint;
import io.taskgate.testing.HttpTest;

/** A bug answers 500 problem+json with a correlation id that leads to the stack trace in the log, and no more. */
@ExtendWith(OutputCaptureExtension.class)
class UnexpectedFailureTest extends HttpTest {

    @Test
    void aBugIsA500WithACorrelationIdAndNoInternals(CapturedOutput output) {
        Api.Person olga = api().signUp("Olga");

        Api.Response response = api().get(FailingEndpoint.PATH, olga.token());

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        assertThat(response.get("code")).isEqualTo("internal_error");
        String correlationId = response.get("correlationId");
        assertThat(correlationId).isNotEmpty().isEqualTo(response.header("x-request-id"));
        assertThat(response.text()).doesNotContain("secret_table").doesNotContain("IllegalStateException")
                .doesNotContain("hunter2");
        assertThat(output.getAll()).contains("correlationId=" + correlationId).contains("IllegalStateException");
    }

    @Test
    void aWriteWhoseReferenceWasDeletedMeanwhileIsA404NotA500() {
        Api.Person olga = api().signUp("Olga");

        Api.Response response = api().post(FailingEndpoint.ORPHAN_PATH, olga.token(), java.util.Map.of());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.get("code")).isEqualTo("not_found");
        assertThat(response.get("detail")).contains("deleted while it ran");
        assertThat(response.text()).doesNotContain("team_member");
    }
}
