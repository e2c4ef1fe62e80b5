package dev.orderflow.gateway.web;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
 * Reads each request body whole, up to a limit, before the request is routed, as nginx does by default:
 * <ul>
 * <li>a slow or broken upload fails here, on the client's account, not inside a route's breaker and time limit,
 * where a few slow clients would open the breaker for everyone;</li>
 * <li>the body is kept as a plain array, so the retry can resend it and a send still queued when the exchange
 * ends owns its copy. Spring Cloud Gateway's own body cache (switched off in application.yml) frees its pooled
 * buffer when the exchange ends, while a send to the backend may still hold it ({@code AbandonedRequestTest});</li>
 * <li>a body past the limit gets {@code 413} once it has arrived, read and dropped up to {@link #DRAIN_LIMIT} past
 * the limit, so that the client, still sending, reads the answer rather than a reset connection; a declared
 * length beyond that, or more dropped than that, is answered at once, and so is one past the limit whose client
 * waits for {@code 100 Continue} before sending it. A body that has not fully arrived after the
 * body timeout gets {@code 408}, so that a client cannot hold a connection and its buffers by never finishing.
 * Either way the connection is closed, since the stream may be out of step.</li>
 * </ul>
 * It runs after authentication, so that a caller without a valid token is refused before the gateway holds a
 * byte of its body.
 */
@Component
@Order(RequestBodyBufferFilter.AFTER_AUTHENTICATION)
public class RequestBodyBufferFilter implements WebFilter {

    /** Right after Spring Security's filter chain, which WebFluxSecurityConfiguration orders at -100. */
    static final int AFTER_AUTHENTICATION = -100 + 1;

    /** How much of a refused body is still read and dropped before the answer; as Tomcat's maxSwallowSize. */
    static final long DRAIN_LIMIT = DataSize.ofMegabytes(2).toBytes();

    private final int maxBytes;
    private final Duration timeout;

    public RequestBodyBufferFilter(@Value("${orderflow.gateway.max-request-body}") DataSize maxRequestBody,
                                   @Value("${orderflow.gateway.request-body-timeout}") Duration timeout) {
        this.maxBytes = Math.toIntExact(maxRequestBody.toBytes());
        this.timeout = timeout;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        long declared = headers.getContentLength();
        // A client that waits for "100 Continue" before sending is told at once, and sends nothing in vain.
        if (declared > maxBytes + DRAIN_LIMIT || declared > maxBytes && expectsContinue(headers)) {
            return Mono.error(tooLarge(exchange));
        }
        // HTTP/1.1: a request has a body only with a Content-Length above 0 or a Transfer-Encoding.
        if (declared <= 0 && !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return exchange.getRequest().getBody()
                .collect(() -> new BoundedBody(maxBytes, DRAIN_LIMIT), BoundedBody::add)
                .timeout(timeout)
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge(exchange))
                .onErrorMap(TimeoutException.class, e -> tooSlow(exchange))
                .flatMap(body -> body.pastTheLimit()
                        ? Mono.error(tooLarge(exchange))
                        : chain.filter(withBody(exchange, body.bytes())));
    }

    private static boolean expectsContinue(HttpHeaders headers) {
        return "100-continue".equalsIgnoreCase(headers.getFirst(HttpHeaders.EXPECT));
    }

    /** Every subscriber (the send, a retry's resend) gets a buffer of its own over the same array. */
    private static ServerWebExchange withBody(ServerWebExchange exchange, byte[] body) {
        ServerHttpRequestDecorator buffered = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
        return exchange.mutate().request(buffered).build();
    }

    private ResponseStatusException tooLarge(ServerWebExchange exchange) {
        return closing(exchange, HttpStatus.CONTENT_TOO_LARGE,
                "The request body must not be larger than " + maxBytes + " bytes");
    }

    private ResponseStatusException tooSlow(ServerWebExchange exchange) {
        return closing(exchange, HttpStatus.REQUEST_TIMEOUT,
                "The request body did not arrive within " + timeout.toMillis() + " ms");
    }

    private static ResponseStatusException closing(ServerWebExchange exchange, HttpStatus status, String detail) {
        exchange.getResponse().getHeaders().setConnection("close");
        return new ResponseStatusException(status, detail);
    }
}
