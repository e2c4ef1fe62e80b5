package dev.orderflow.gateway.web;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Caps request bodies. The breaker's fallback and the retry make the gateway hold each request body in memory
 * (to forward or resend it), without a limit of their own; a client streaming gigabytes would exhaust the heap.
 * Declared lengths are refused at once, chunked bodies as soon as they pass the limit: {@code 413} problem,
 * and the connection is closed, since the rest of the body was never read and the stream is out of step.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class RequestBodyLimitFilter implements WebFilter {

    private final long maxBytes;

    public RequestBodyLimitFilter(@Value("${orderflow.gateway.max-request-body}") DataSize maxRequestBody) {
        this.maxBytes = maxRequestBody.toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getHeaders().getContentLength() > maxBytes) {
            return Mono.error(tooLarge(exchange));
        }
        ServerHttpRequest limited = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong received = new AtomicLong();
                return super.getBody().map(buffer -> {
                    if (received.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        throw tooLarge(exchange);
                    }
                    return buffer;
                });
            }
        };
        return chain.filter(exchange.mutate().request(limited).build());
    }

    private ResponseStatusException tooLarge(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().setConnection("close");
        return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                "The request body must not be larger than " + maxBytes + " bytes");
    }
}
