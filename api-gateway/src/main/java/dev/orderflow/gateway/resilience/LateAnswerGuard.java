package dev.orderflow.gateway.resilience;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Lets a backend's answer arrive after the client has been answered. When the response timeout or the time limit
 * fires just as the answer comes in, the breaker's fallback has already sent its 503, and Spring Cloud Gateway's
 * routing filter then copies the late answer's headers onto that committed, read-only response: an
 * {@code UnsupportedOperationException} that Reactor logs as an error for a request that went as designed
 * (spring-cloud/spring-cloud-gateway#4270; {@code LateAnswerTest}). Once the response is committed, the routing
 * filter here writes its headers to a copy that nobody reads.
 */
@Component
class LateAnswerGuard implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpResponseDecorator guarded = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public HttpHeaders getHeaders() {
                return isCommitted() ? new HttpHeaders() : super.getHeaders();
            }
        };
        return chain.filter(exchange.mutate().response(guarded).build());
    }

    /** Right before the routing filter, so that only it sees the guarded response. */
    @Override
    public int getOrder() {
        return NettyRoutingFilter.ORDER - 1;
    }
}
