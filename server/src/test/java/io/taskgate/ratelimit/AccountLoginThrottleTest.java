package io.taskgate.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;

/** Guessing one person's password is slowed down whatever the address (the address budget is off here). */
class AccountLoginThrottleTest extends HttpTest {

    private static final String PASSWORD = "correct horse battery";

    private Api.Response logIn(String email, String password) {
        return api().post("/api/v1/auth/login", null, Map.of("email", email, "password", password));
    }

    @Test
    void tenFailedLoginsMakeTheAccountWaitEvenWithTheRightPassword() {
        Api.Person pat = api().signUp("Pat");
        Api.Person sam = api().signUp("Sam");

        for (int i = 0; i < 10; i++) {
            assertThat(logIn(pat.email(), "guess " + i).status()).isEqualTo(401);
        }
        Api.Response throttled = logIn(pat.email().toUpperCase(), PASSWORD);

        assertThat(throttled.status()).as("the right password too: a 429 must not tell a guess was right")
                .isEqualTo(429);
        assertThat(throttled.get("code")).isEqualTo("rate_limited");
        assertThat(Integer.parseInt(throttled.header("retry-after"))).isBetween(1, 600);
        assertThat(throttled.json().path("retryAfterSeconds").asLong())
                .isEqualTo(Long.parseLong(throttled.header("retry-after")));
        assertThat(logIn(sam.email(), PASSWORD).status()).as("other accounts are not held back").isEqualTo(200);
        assertThat(api().get("/api/v1/me", pat.token()).status()).as("sessions already open go on").isEqualTo(200);
    }

    @Test
    void anEmailWithNoAccountIsThrottledAlikeSoA429RevealsNothing() {
        String nobody = "nobody-" + java.util.UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 10; i++) {
            assertThat(logIn(nobody, "guess " + i).status()).isEqualTo(401);
        }
        assertThat(logIn(nobody, "guess 10").status()).isEqualTo(429);
    }

    @Test
    void guessesSentInParallelCannotOutrunTheBudget() throws Exception {
        Api.Person pat = api().signUp("Pat");
        List<Integer> statuses;
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<Integer>> guesses = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String guess = "guess " + i;
                guesses.add(pool.submit(() -> logIn(pat.email(), guess).status()));
            }
            statuses = new ArrayList<>();
            for (Future<Integer> guess : guesses) {
                statuses.add(guess.get());
            }
        }

        assertThat(statuses).containsOnly(401, 429);
        assertThat(statuses).filteredOn(status -> status == 401).hasSize(10);
    }

    @Test
    void aSuccessfulLoginSpendsNothing() {
        Api.Person pat = api().signUp("Pat");
        for (int i = 0; i < 12; i++) {
            assertThat(logIn(pat.email(), PASSWORD).status()).isEqualTo(200);
        }
        for (int i = 0; i < 9; i++) {
            assertThat(logIn(pat.email(), "guess " + i).status()).isEqualTo(401);
        }
        assertThat(logIn(pat.email(), PASSWORD).status()).isEqualTo(200);
    }
}
