package dev.orderflow.messaging;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the request id the gateway passes ({@code X-Request-Id}, made up when absent) and the W3C
 * {@code traceparent} into the {@link MessageContext}, so the events this request causes carry them,
 * and returns the request id to the caller.
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String TRACEPARENT_HEADER = "traceparent";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = request.getHeader(REQUEST_ID_HEADER);
        if (requestId == null || requestId.isBlank() || requestId.length() > 128) {
            requestId = UUID.randomUUID().toString();
        }
        response.setHeader(REQUEST_ID_HEADER, requestId);
        try (MessageContext.Scope ignored = MessageContext.open(requestId, request.getHeader(TRACEPARENT_HEADER))) {
            chain.doFilter(request, response);
        }
    }
}
