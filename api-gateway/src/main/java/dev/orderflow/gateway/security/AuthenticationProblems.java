package dev.orderflow.gateway.security;

import dev.orderflow.gateway.problem.GatewayProblems;
import dev.orderflow.gateway.problem.ProblemResponseWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.access.server.BearerTokenServerAccessDeniedHandler;
import org.springframework.security.oauth2.server.resource.web.server.BearerTokenServerAuthenticationEntryPoint;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway's answers to a request without a valid token (401) or with a token that does not allow it (403):
 * a problem body like every other error of the gateway. Status and {@code WWW-Authenticate} (RFC 6750:
 * {@code Bearer error="invalid_token", error_description="..."}) are Spring Security's own; its bearer entry point
 * and access-denied handler set them and would then end the response empty, so they get a response that cannot be
 * completed and the problem is written after them.
 */
@Component
class AuthenticationProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private static final String TOKEN_REQUIRED =
            "A valid bearer token is required: Authorization: Bearer <access token>";

    private final BearerTokenServerAuthenticationEntryPoint bearerEntryPoint =
            new BearerTokenServerAuthenticationEntryPoint();
    private final BearerTokenServerAccessDeniedHandler bearerAccessDenied = new BearerTokenServerAccessDeniedHandler();
    private final ProblemResponseWriter writer;

    AuthenticationProblems(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        return bearerEntryPoint.commence(statusAndHeadersOnly(exchange), failure)
                .then(Mono.defer(() -> writeProblem(exchange, detailOf(failure))));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return bearerAccessDenied.handle(statusAndHeadersOnly(exchange), denied)
                .then(Mono.defer(() -> writeProblem(exchange, "The access token does not allow this request")));
    }

    /** Why the token was refused, as Spring Security words it (also in WWW-Authenticate's error_description). */
    private static String detailOf(AuthenticationException failure) {
        if (failure instanceof OAuth2AuthenticationException refused
                && StringUtils.hasText(refused.getError().getDescription())) {
            return refused.getError().getDescription();
        }
        return TOKEN_REQUIRED;
    }

    private Mono<Void> writeProblem(ServerWebExchange exchange, String detail) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        return writer.write(exchange,
                GatewayProblems.of(status == null ? HttpStatus.UNAUTHORIZED : status, detail, exchange),
                headers -> { });
    }

    private static ServerWebExchange statusAndHeadersOnly(ServerWebExchange exchange) {
        ServerHttpResponseDecorator response = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> setComplete() {
                return Mono.empty();
            }
        };
        return exchange.mutate().response(response).build();
    }
}
