package io.taskgate.web;

import java.io.IOException;
import java.io.Writer;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.catalina.connector.Response;
import org.springframework.http.HttpStatus;

/**
 * Writes a problem where Spring's message converters are out of reach: a Tomcat valve, a
 * servlet filter. Only our own fixed texts go in, so they need no JSON escaping.
 */
final class ProblemJson {

    private ProblemJson() {
    }

    static void write(HttpServletResponse response, HttpStatus status, String code, String detail) {
        String body = """
                {"type":"about:blank","title":"%s","status":%d,"detail":"%s","code":"%s"}"""
                .formatted(status.getReasonPhrase(), status.value(), detail, code);
        try {
            response.setStatus(status.value());
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("utf-8");
            if (response instanceof Response tomcat) {
                // Inside a valve, after the application: the reporter writes even when the writer was taken.
                Writer writer = tomcat.getReporter();
                if (writer != null) {
                    writer.write(body);
                    tomcat.finishResponse();
                }
            } else {
                response.getWriter().write(body);
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone: nobody is left to read the answer.
        }
    }
}
