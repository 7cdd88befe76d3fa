package io.taskgate.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One access-log line per request, with a correlation id (echoed as {@code X-Request-Id})
 * in the MDC of every line logged while serving it. Only the path is logged, never the query
 * string or headers: {@code access_token} and {@code Authorization} carry secrets.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLogging extends OncePerRequestFilter {

    public static final String REQUEST_ID = "requestId";
    private static final String REQUEST_ID_ATTRIBUTE = RequestLogging.class.getName() + ".requestId";
    private static final Logger accessLog = LoggerFactory.getLogger("io.taskgate.access-log");
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public static String currentRequestId() {
        String id = MDC.get(REQUEST_ID);
        return id == null ? "none" : id;
    }

    /**
     * The correlation id of a request, also where the MDC no longer holds it: in the error page
     * the servlet container forwards to once a failure has left this filter.
     */
    public static String requestId(ServletRequest request) {
        return request.getAttribute(REQUEST_ID_ATTRIBUTE) instanceof String id ? id : currentRequestId();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String incoming = request.getHeader("X-Request-Id");
        String requestId = incoming != null && SAFE_REQUEST_ID.matcher(incoming).matches()
                ? incoming
                : UUID.randomUUID().toString();
        MDC.put(REQUEST_ID, requestId);
        request.setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
        response.setHeader("X-Request-Id", requestId);
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long micros = (System.nanoTime() - started) / 1_000;
            accessLog.info("{} {} {} {}ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
                    micros / 1000.0);
            MDC.remove(REQUEST_ID);
        }
    }
}
