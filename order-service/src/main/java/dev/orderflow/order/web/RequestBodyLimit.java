package dev.orderflow.order.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects a wildcard Content-Type with 415, and request bodies over the limit with 413: at once when Content-Length says so, and for a chunked
 * body as soon as reading passes the limit ({@link BodyTooLarge}, which {@link ApiProblems} turns into 413).
 */
@Component
class RequestBodyLimit extends OncePerRequestFilter {

    private final long maxBytes;

    RequestBodyLimit(@Value("${orderflow.http.max-body-size:64KB}") DataSize maxBodySize) {
        this.maxBytes = maxBodySize.toBytes();
    }

    static class BodyTooLarge extends IOException {
        BodyTooLarge(long maxBytes) {
            super("the request body may not exceed " + maxBytes + " bytes");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && contentType.contains("*")) {
            // A wildcard is no body's media type; Spring would fail on it deep in argument resolution (500).
            reject(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                    "the Content-Type must be application/json");
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            reject(response, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                    new BodyTooLarge(maxBytes).getMessage());
            return;
        }
        chain.doFilter(new LimitedBody(request, maxBytes), response);
    }

    private static void reject(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("""
                {"type":"about:blank","title":"%s","status":%d,"detail":"%s"}"""
                .formatted(title, status.value(), detail));
    }

    private static final class LimitedBody extends HttpServletRequestWrapper {

        private final long maxBytes;

        LimitedBody(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream body = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = body.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = body.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) throws BodyTooLarge {
                    read += n;
                    if (read > maxBytes) {
                        throw new BodyTooLarge(maxBytes);
                    }
                }

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
                    body.setReadListener(listener);
                }
            };
        }
    }
}
