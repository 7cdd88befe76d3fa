package io.taskgate.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API is for servers and scripts, not for pages of other sites: it allows no cross-origin
 * calls from browsers, so a CORS preflight is refused at once with a problem saying so. Left to
 * Spring, the preflight ran into authentication and ended as a 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CrossOriginPreflights extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !CorsUtils.isPreFlightRequest(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ProblemJson.write(response, HttpStatus.FORBIDDEN, "cross_origin_refused",
                "Cross-origin requests from browsers are not allowed: call the API from a server, or from the console");
    }
}
