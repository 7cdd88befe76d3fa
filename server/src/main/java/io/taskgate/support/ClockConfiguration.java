package io.taskgate.support;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** Every use of "now" goes through this bean, so tests can move time to check expiry. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
