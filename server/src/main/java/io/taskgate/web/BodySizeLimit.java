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

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An API body is at most {@code taskgate.max-body-size} (1 MB): the largest task is a few
 * kilobytes, and a body of megabytes is a mistake or an attack that would otherwise be parsed in
 * full. A declared {@code Content-Length} past the limit is a 413 before a byte is read; a body
 * of unknown length (chunked) is counted as it is read and refused with the same 413
 * ({@link TooLarge}) once it passes the limit.
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
        return !request.getRequestURI().startsWith("/api/") || !WITH_BODY.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            ProblemErrorReportValve.write(response, HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", tooLarge());
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Counted(request, maxBytes), response);
    }

    private String tooLarge() {
        return "A request body may hold at most " + maxBytes + " bytes";
    }

    /** Reading a body of unknown length went past the limit; {@link ProblemResponses} answers 413. */
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
