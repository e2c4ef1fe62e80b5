package dev.orderflow.gateway.web;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Rejects paths with dot segments or encoded separators before any route matches them.
 * <p>
 * Route predicates match the raw path, so {@code /api/orders/../actuator/env} matches {@code /api/orders/**};
 * the backend would then normalise {@code /orders/../actuator/env} into its own actuator. No API path of ours
 * needs such segments, so they are refused instead of being cleaned up.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class UnsafePathFilter implements WebFilter {

    private static final Pattern DOT_SEGMENT = Pattern.compile("(^|/)\\.{1,2}(/|$)");
    private static final String[] FORBIDDEN = {"%2e", "%2f", "%5c", "\\", ";", "%00", "%25"};

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String rawPath = exchange.getRequest().getURI().getRawPath();
        if (isUnsafe(rawPath)) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "The path must not contain dot segments, encoded separators or path parameters"));
        }
        return chain.filter(exchange);
    }

    static boolean isUnsafe(String rawPath) {
        if (rawPath == null) {
            return false;
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        for (String forbidden : FORBIDDEN) {
            if (lower.contains(forbidden)) {
                return true;
            }
        }
        return DOT_SEGMENT.matcher(rawPath).find();
    }
}
