package io.taskgate.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;

@TestPropertySource(properties = "taskgate.rate-limit.requests-per-minute=5")
class RateLimitTest extends HttpTest {

    @Test
    void pastItsBudgetAPrincipalGets429WithRetryAfterAndOthersAreUnaffected() {
        Api.Person busy = api().signUp("Busy");
        Api.Person calm = api().signUp("Calm");

        for (int i = 0; i < 5; i++) {
            Api.Response ok = api().get("/api/v1/me", busy.token());
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("ratelimit-limit")).isEqualTo("5");
            assertThat(ok.header("ratelimit-remaining")).isEqualTo(Integer.toString(4 - i));
        }
        Api.Response limited = api().get("/api/v1/me", busy.token());

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("content-type")).startsWith("application/problem+json");
        assertThat(limited.get("code")).isEqualTo("rate_limited");
        assertThat(Integer.parseInt(limited.header("retry-after"))).isBetween(1, 60);
        assertThat(api().get("/api/v1/me", calm.token()).status()).isEqualTo(200);
    }
}
