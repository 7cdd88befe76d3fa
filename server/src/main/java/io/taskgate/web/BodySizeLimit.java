package io.taskgate.web;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request body is at most {@code taskgate.max-body-size} (1 MB): the largest task is a few
 * kilobytes, and a body of megabytes is a mistake or an attack that would otherwise be read in
 * full (the idempotency filter reads it before anyone is authenticated). A declared
 * {@code Content-Length} past the limit is a 413 before a byte is read; a body of unknown length
 * (chunked) is counted as it is read and refused with the same 413 ({@link TooLarge}) once it
 * passes the limit, whoever was reading it. Every path is limited, not only {@code /api/}: a path
 * spelled otherwise ({@code /%61pi/…}, {@code /api;x/…}) still reaches the API.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeLimit extends OncePerRequestFilter {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final long maxBytes;

    BodySizeLimit(@Value("${taskgate.max-body-size:1MB}") DataSize maxBodySize) {
        this.maxBytes = maxBodySize.toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WITH_BODY.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            refuse(response, new TooLarge(maxBytes));
            return;
        }
        if (request.getContentLengthLong() >= 0) {
            chain.doFilter(request, response);
            return;
        }
        try {
            chain.doFilter(new Counted(request, maxBytes), response);
        } catch (IOException | ServletException | RuntimeException e) {
            // Spring MVC answers a TooLarge of its own handlers (ProblemResponses); one met by a
            // filter before it (the idempotency filter reads bodies) travels up to here.
            TooLarge tooLarge = tooLargeIn(e);
            if (tooLarge == null || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            refuse(response, tooLarge);
        }
    }

    private static void refuse(HttpServletResponse response, TooLarge tooLarge) {
        ProblemJson.write(response, HttpStatus.CONTENT_TOO_LARGE, ProblemResponses.codeFor(HttpStatus.CONTENT_TOO_LARGE),
                tooLarge.getMessage());
    }

    private static @Nullable TooLarge tooLargeIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TooLarge tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    /** A body went past the limit; {@link ProblemResponses} or this filter answers 413. */
    public static final class TooLarge extends IOException {
        TooLarge(long maxBytes) {
            super("A request body may hold at most " + maxBytes + " bytes");
        }
    }

    private static final class Counted extends HttpServletRequestWrapper {

        private final long maxBytes;
        private long read;

        Counted(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream body = super.getInputStream();
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return body.isFinished();
                }

                @Override
                public boolean isReady() {
                    return body.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() throws IOException {
                    int next = body.read();
                    count(next == -1 ? 0 : 1);
                    return next;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = body.read(buffer, offset, length);
                    count(Math.max(n, 0));
                    return n;
                }
            };
        }

        private void count(int bytes) throws TooLarge {
            read += bytes;
            if (read > maxBytes) {
                throw new TooLarge(maxBytes);
            }
        }
    }
}
