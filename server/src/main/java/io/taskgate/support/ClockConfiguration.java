package io.taskgate.support;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /**
     * Every use of "now" goes through this bean, so tests can move time to check expiry. It
     * ticks in microseconds, the precision both databases keep, so a create answers the same
     * timestamps as every later read.
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
