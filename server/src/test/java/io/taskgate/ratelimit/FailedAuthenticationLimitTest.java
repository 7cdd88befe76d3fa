package io.taskgate.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;

@TestPropertySource(properties = "taskgate.rate-limit.failed-authentications-per-minute=3")
class FailedAuthenticationLimitTest extends HttpTest {

    @Test
    void anAddressThatKeepsSendingInvalidCredentialsIsSlowedDownTo429() {
        Api.Person person = api().signUp("Pat");
        assertThat(api().get("/api/v1/me", person.token()).status()).isEqualTo(200);

        for (int i = 0; i < 3; i++) {
            assertThat(api().get("/api/v1/me", "tgs_guess-" + i).status()).isEqualTo(401);
        }
        Api.Response slowed = api().get("/api/v1/me", "tgs_guess-next");

        assertThat(slowed.status()).isEqualTo(429);
        assertThat(slowed.get("code")).isEqualTo("rate_limited");
        assertThat(Integer.parseInt(slowed.header("retry-after"))).isBetween(1, 60);
        assertThat(api().get("/api/v1/me", person.token()).status())
                .as("the address as a whole waits, so guessing cannot go on behind a valid token").isEqualTo(429);
    }
}
