package io.taskgate.idempotency;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.ContentCachingResponseWrapper;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IdempotencyConfiguration implements WebMvcConfigurer {

    private final Idempotency idempotency;

    IdempotencyConfiguration(Idempotency idempotency) {
        this.idempotency = idempotency;
    }

    /** After authentication, which names the principal the key belongs to. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(idempotency).addPathPatterns("/api/v1/**").order(Ordered.LOWEST_PRECEDENCE);
    }

    /**
     * Only POSTs with an Idempotency-Key pay for it: their body is read up front (to fingerprint
     * it) and their answer captured (to replay it).
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> idempotencyCapture() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !"POST".equals(request.getMethod()) || request.getHeader(Idempotency.HEADER) == null;
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                var cachedRequest = new CachedBodyRequest(request, request.getInputStream().readAllBytes());
                var capturedResponse = new ContentCachingResponseWrapper(response);
                try {
                    chain.doFilter(cachedRequest, capturedResponse);
                } finally {
                    capturedResponse.copyBodyToResponse();
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/api/v1/*");
        return registration;
    }
}
