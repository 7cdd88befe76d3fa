package io.taskgate.web;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Single answers with no row version of their own — who I am, what I may do — still carry an
 * ETag (a hash of the answer), so every single resource has one and a client can revalidate it
 * with {@code If-None-Match}. Resources with a version answer it as their ETag themselves.
 */
@Component
class EtagOfDerivedAnswers extends ShallowEtagHeaderFilter {

    private static final Pattern DERIVED = Pattern.compile("/api/v1/me|/api/v1/workspaces/[^/]+/me/permissions");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !DERIVED.matcher(request.getRequestURI()).matches();
    }
}
