package io.taskgate.web;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A JSON body sent to the API without saying so ({@code curl -d '{…}'} labels it a form, some
 * clients send {@code text/plain} or nothing) is read as JSON instead of refused with 415. Only
 * a body that starts like JSON is relabelled, judged by its first bytes (the rest streams on
 * untouched); anything else keeps its type, and its 415. The API reads no forms and ignores
 * cookies, so no cross-site form can act through this.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class JsonWithoutContentType extends OncePerRequestFilter {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");
    /** Leading whitespace looked through before deciding: a JSON body starts well before this. */
    private static final int MAX_PEEK = 1024;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") || !WITH_BODY.contains(request.getMethod())
                || !unlabelledOrMislabelled(request.getContentType());
    }

    private static boolean unlabelledOrMislabelled(@Nullable String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED)
                    || type.isCompatibleWith(MediaType.TEXT_PLAIN);
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Read from the stream, never through getParameter, which would parse a "form" and consume it.
        ServletInputStream body = request.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int next = body.read();
        while (next != -1 && Character.isWhitespace(next) && head.size() < MAX_PEEK) {
            head.write(next);
            next = body.read();
        }
        if (next != -1) {
            head.write(next);
        }
        boolean json = next == '{' || next == '[';
        chain.doFilter(new Peeked(request, head.toByteArray(), body, json), response);
    }

    /**
     * The request with the bytes looked at put back in front of the rest of the body, labelled
     * {@code application/json} when they showed JSON. Its parameters stay the query string's: the
     * container's form parser finds the body already being read.
     */
    private static final class Peeked extends HttpServletRequestWrapper {

        private final byte[] head;
        private final ServletInputStream rest;
        private final boolean json;
        private int position;

        Peeked(HttpServletRequest request, byte[] head, ServletInputStream rest, boolean json) {
            super(request);
            this.head = head;
            this.rest = rest;
            this.json = json;
        }

        @Override
        public @Nullable String getContentType() {
            return json ? MediaType.APPLICATION_JSON_VALUE : super.getContentType();
        }

        @Override
        public @Nullable String getHeader(String name) {
            return json && HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? getContentType() : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return json && HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
                    ? Collections.enumeration(List.of(MediaType.APPLICATION_JSON_VALUE)) : super.getHeaders(name);
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return position >= head.length && rest.isFinished();
                }

                @Override
                public boolean isReady() {
                    return position < head.length || rest.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() throws IOException {
                    return position < head.length ? head[position++] & 0xff : rest.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    if (position < head.length) {
                        int count = Math.min(length, head.length - position);
                        System.arraycopy(head, position, buffer, offset, count);
                        position += count;
                        return count;
                    }
                    return rest.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
