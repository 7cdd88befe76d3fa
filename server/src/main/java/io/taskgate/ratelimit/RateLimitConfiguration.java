package io.taskgate.ratelimit;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration implements WebMvcConfigurer {

    private final RateLimiting rateLimiting;

    RateLimitConfiguration(RateLimiting rateLimiting) {
        this.rateLimiting = rateLimiting;
    }

    /** Right after authentication, which names whose budget a request spends. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(rateLimiting).addPathPatterns("/api/v1/**").order(Ordered.HIGHEST_PRECEDENCE + 1);
    }
}
