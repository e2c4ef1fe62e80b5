package dev.orderflow.gateway.security;

import dev.orderflow.gateway.problem.GatewayProblems;
import dev.orderflow.gateway.problem.ProblemResponseWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A 400 problem for what Spring Security's firewall ({@code StrictServerWebExchangeFirewall}, in front of
 * authentication) refuses: control characters in a header name or value (bytes 0x80-0x9F of a UTF-8 header
 * included), a method other than GET, HEAD, POST, PUT, PATCH, DELETE and OPTIONS (TRACE among them), a URL it does
 * not take. Spring Security would answer a bare 400. The reason stays in the debug log: it quotes the header value,
 * which may be a token.
 */
@Component
class RejectedRequestProblems implements ServerExchangeRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(RejectedRequestProblems.class);

    private final ProblemResponseWriter writer;

    RejectedRequestProblems(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        log.debug("Request refused by the firewall: {}", rejected.getMessage());
        return writer.write(exchange, GatewayProblems.of(HttpStatus.BAD_REQUEST,
                "The request was refused: its method, URL or headers hold something the gateway does not accept",
                exchange), headers -> { });
    }
}
