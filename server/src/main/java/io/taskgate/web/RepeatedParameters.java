package io.taskgate.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every query parameter of the API takes one value. Given twice ({@code ?projectId=P&projectId=Q})
 * Spring would join the two with a comma, a filter that matches nothing, and the client would read
 * an empty page as "no such tasks": a 422 naming the parameter says what went wrong instead.
 */
@Configuration(proxyBeanMethods = false)
class RepeatedParameters implements HandlerInterceptor, WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/**").order(Ordered.HIGHEST_PRECEDENCE + 2);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        List<FieldError> repeated = new ArrayList<>();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getValue().length > 1) {
                repeated.add(new FieldError(parameter.getKey(), "is given " + parameter.getValue().length
                        + " times: give it once"));
            }
        }
        if (!repeated.isEmpty()) {
            throw ApiProblem.invalid(repeated);
        }
        return true;
    }
}
