package io.taskgate.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A query parameter or a path segment that cannot be stored as sent (NUL, {@code %00}, or an
 * unpaired surrogate) is refused with the 422 a body field gets ({@link UnstorableText}), once
 * the caller is authenticated and before any handler reads it: otherwise PostgreSQL refuses NUL
 * in the middle of a statement and H2 looks it up (or stores it). The console's form fields are
 * checked the same way, as its pages show the 422.
 */
@Configuration(proxyBeanMethods = false)
class UnstorableParameters implements HandlerInterceptor, WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/**").order(Ordered.HIGHEST_PRECEDENCE + 2);
        // The console's forms too: their fields reach the same services, which trust them storable.
        registry.addInterceptor(this).addPathPatterns("/**")
                .excludePathPatterns("/api/v1/**", "/actuator/**", "/v3/**", "/swagger-ui/**", "/webjars/**",
                        "/console/**", "/favicon.ico");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            for (String value : parameter.getValue()) {
                refuse(parameter.getKey(), value);
            }
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> refuse(String.valueOf(name), String.valueOf(value)));
        }
        return true;
    }

    private static void refuse(String name, String value) {
        UnstorableText.refuse(name, value);
    }
}
