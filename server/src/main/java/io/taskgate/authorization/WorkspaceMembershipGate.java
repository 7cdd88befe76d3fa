package io.taskgate.authorization;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.taskgate.identity.Authentication;

/**
 * Answers 404 for a workspace the caller does not belong to before the request's body is read:
 * a stranger learns nothing from how its body would have been judged (a 400 or a 422 would tell
 * that the workspace exists). The facts it loads are kept while the access-facts cache is on, so
 * the handler's own {@link Authorization#enter} usually finds them in memory; with the cache off,
 * a request loads them twice.
 */
@Configuration(proxyBeanMethods = false)
class WorkspaceMembershipGate implements HandlerInterceptor, WebMvcConfigurer {

    private final Authorization authorization;

    WorkspaceMembershipGate(Authorization authorization) {
        this.authorization = authorization;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // After authentication (+1) and the rate limit (+2); before idempotent replays (last).
        registry.addInterceptor(this).addPathPatterns("/api/v1/workspaces/*/**").order(Ordered.HIGHEST_PRECEDENCE + 3);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && variables.get("workspaceId") instanceof String workspaceId) {
            Authentication.caller(request).ifPresent(caller -> authorization.enter(caller, workspaceId));
        }
        return true;
    }
}
