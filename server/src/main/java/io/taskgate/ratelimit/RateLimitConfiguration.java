package io.taskgate.ratelimit;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration implements WebMvcConfigurer {

    private final RateLimiting rateLimiting;
    private final FailedAuthenticationLimit failedAuthentications;

    RateLimitConfiguration(RateLimiting rateLimiting, FailedAuthenticationLimit failedAuthentications) {
        this.rateLimiting = rateLimiting;
        this.failedAuthentications = failedAuthentications;
    }

    /**
     * The failed-credentials guard before authentication (order {@code HIGHEST_PRECEDENCE + 1});
     * the budgets right after it, since authentication names whose budget a request spends.
     */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // The console's sign-in form too: a wrong password there answers 401 like the API's login.
        registry.addInterceptor(failedAuthentications).addPathPatterns("/api/v1/**", "/login")
                .order(Ordered.HIGHEST_PRECEDENCE);
        registry.addInterceptor(rateLimiting).addPathPatterns("/api/v1/**").order(Ordered.HIGHEST_PRECEDENCE + 2);
    }
}
