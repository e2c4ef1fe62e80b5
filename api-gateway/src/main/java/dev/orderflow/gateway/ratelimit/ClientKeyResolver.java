package dev.orderflow.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The client a request counts against: the subject ({@code sub}) of its validated access token, so that a caller
 * has one bucket whatever address or connection it comes from, and cannot get more by inventing identities. A
 * request without a token (only the public API descriptions get that far) counts against its IP address.
 * <p>
 * The remote address is the TCP peer; behind a load balancer set
 * {@code spring.cloud.gateway.server.webflux.trusted-proxies} so that it is taken from {@code X-Forwarded-For}.
 */
@Component
public class ClientKeyResolver implements KeyResolver {

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .ofType(JwtAuthenticationToken.class)
                .map(authenticated -> "sub:" + authenticated.getToken().getSubject())
                .switchIfEmpty(Mono.fromSupplier(() -> "ip:" + addressOf(exchange)));
    }

    private static String addressOf(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null ? "unknown" : remote.getHostString();
    }
}
