package dev.orderflow.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The client a request counts against: its {@code X-Api-Key}, or its IP address when it sends none.
 * <p>
 * The remote address is the TCP peer; behind a load balancer set
 * {@code spring.cloud.gateway.server.webflux.trusted-proxies} so that it is taken from {@code X-Forwarded-For}.
 */
@Component
public class ClientKeyResolver implements KeyResolver {

    public static final String API_KEY_HEADER = "X-Api-Key";

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        String apiKey = exchange.getRequest().getHeaders().getFirst(API_KEY_HEADER);
        if (apiKey != null && !apiKey.isBlank()) {
            return Mono.just("key:" + apiKey.strip());
        }
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return Mono.just("ip:" + (remote == null ? "unknown" : remote.getHostString()));
    }
}
