package io.taskgate.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the HTTP tests: the real application on a random port, on the run's database
 * (H2 or PostgreSQL), talked to over HTTP. Every subclass shares one application context.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"taskgate.password.bcrypt-strength=4",
            // Every hit of the access facts cache is checked against the database: a stale one fails the test.
            "taskgate.access-cache.verify=true",
            // Every hit of the credential cache (PostgreSQL) likewise.
            "taskgate.credential-cache.verify=true",
            // Every test signs up from the same address: the anonymous budget is not under test here.
            "taskgate.rate-limit.anonymous-requests-per-minute=1000000",
            // Nor the failed-authentication one: many tests are refused on purpose, from that address.
            "taskgate.rate-limit.failed-authentications-per-minute=1000000",
            // Cached test contexts each keep a pool: idle ones must not hold PostgreSQL's connection slots.
            "spring.datasource.hikari.minimum-idle=2", "spring.datasource.hikari.idle-timeout=10000"})
@Import({HttpTest.TestClock.class, FailingEndpoint.class})
public abstract class HttpTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    private Api api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.Settings settings = TestDatabase.settings();
        registry.add("spring.datasource.url", settings::url);
        registry.add("spring.datasource.username", settings::username);
        registry.add("spring.datasource.password", settings::password);
    }

    protected Api api() {
        if (api == null) {
            api = new Api("http://localhost:" + port);
        }
        return api;
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }
}
