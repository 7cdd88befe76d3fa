package io.taskgate.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * Some requests never reach the application: Tomcat itself refuses a URL holding {@code %00} or
 * an encoded {@code /}, or a malformed {@code Content-Length}, and its host then writes an HTML
 * error page. This valve writes the same RFC 9457 problem the application would instead, so a
 * client reading {@code code} never meets HTML. Answers the application wrote are left alone.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        if (status == 400) {
            write(response, HttpStatus.BAD_REQUEST, "malformed_request",
                    "The request could not be parsed: its URL, request line or headers are malformed");
        } else if (known != null) {
            write(response, known, known.name().toLowerCase(Locale.ROOT), "The server could not handle this request");
        }
    }

    /**
     * Writes a problem where Spring's message converters are out of reach (a valve, a filter): only
     * our own fixed texts go in, so they need no JSON escaping.
     */
    static void write(HttpServletResponse response, HttpStatus status, String code, String detail) {
        String body = """
                {"type":"about:blank","title":"%s","status":%d,"detail":"%s","code":"%s"}"""
                .formatted(status.getReasonPhrase(), status.value(), detail, code);
        try {
            response.setStatus(status.value());
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("utf-8");
            if (response instanceof Response tomcat) {
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

    @Configuration(proxyBeanMethods = false)
    static class Installation {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }
    }
}
