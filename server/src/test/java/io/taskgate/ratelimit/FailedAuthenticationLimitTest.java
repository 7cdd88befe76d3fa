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
            Api.Response refused = api().get("/api/v1/me", "tgs_guess-" + i);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("ratelimit-limit")).as("a 401 tells the failures budget").isEqualTo("3");
            assertThat(refused.header("ratelimit-remaining")).isEqualTo(String.valueOf(2 - i));
        }
        Api.Response slowed = api().get("/api/v1/me", "tgs_guess-next");

        assertThat(slowed.status()).isEqualTo(429);
        assertThat(slowed.header("ratelimit-remaining")).isEqualTo("0");
        assertThat(slowed.get("code")).isEqualTo("rate_limited");
        assertThat(Integer.parseInt(slowed.header("retry-after"))).isBetween(1, 60);
        assertThat(api().get("/api/v1/me", person.token()).status())
                .as("the address as a whole waits, so guessing cannot go on behind a valid token").isEqualTo(429);
    }
}
