package dev.orderflow.gateway.security;

import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The management port serves the actuator and nothing else: anything else there is a 404 problem.
 * <p>
 * The management server's handler takes the main application's web filters and handler mappings too, so without
 * this the gateway's routes would answer on that port as well. Spring Cloud Gateway skips its routes on the
 * management port only when the configured port number equals the one a request arrived on, which a random port
 * ({@code management.server.port=0}) never does. The management port is served without a token (see
 * {@link GatewaySecurity}), so it must never become a way into the API.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ManagementPortFilter implements WebFilter {

    private final ServerWebExchangeMatcher actuatorEndpoints = EndpointRequest.toAnyEndpoint();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!onTheManagementPort(exchange)) {
            return chain.filter(exchange);
        }
        return actuatorEndpoints.matches(exchange)
                .flatMap(endpoint -> endpoint.isMatch()
                        ? chain.filter(exchange)
                        : Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    /** The management server's handler runs in a child context of its own, named "management". */
    static boolean onTheManagementPort(ServerWebExchange exchange) {
        return WebServerApplicationContext.hasServerNamespace(exchange.getApplicationContext(),
                WebServerNamespace.MANAGEMENT.getValue());
    }
}
