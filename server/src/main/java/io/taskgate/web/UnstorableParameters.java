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
class UnstorableParameters implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Refusing(UnstorableText::refuse)).addPathPatterns("/api/v1/**")
                .order(Ordered.HIGHEST_PRECEDENCE + 2);
        // The console's forms too: their fields reach the same services, which trust them storable.
        // Only what cannot be stored at all: a name's bidirectional controls are refused beside the
        // form by the API's own validation (Forms.valid, JsonBody), which keeps what was typed.
        registry.addInterceptor(new Refusing(UnstorableParameters::refuseUnstorable)).addPathPatterns("/**")
                .excludePathPatterns("/api/v1/**", "/actuator/**", "/v3/**", "/swagger-ui/**", "/webjars/**",
                        "/console/**", "/favicon.ico");
    }

    private static void refuseUnstorable(String name, String value) {
        String flaw = UnstorableText.unstorable(value);
        if (flaw != null) {
            throw ApiProblem.invalid(name, flaw);
        }
    }

    private record Refusing(java.util.function.BiConsumer<String, String> refuse) implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                for (String value : parameter.getValue()) {
                    refuse.accept(parameter.getKey(), value);
                }
            }
            if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
                variables.forEach((name, value) -> refuse.accept(String.valueOf(name), String.valueOf(value)));
            }
            return true;
        }
    }
}
