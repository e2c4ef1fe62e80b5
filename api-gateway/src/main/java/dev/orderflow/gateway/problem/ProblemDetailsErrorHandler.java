package dev.orderflow.gateway.problem;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns every error that reaches the web layer into {@code application/problem+json}: unknown paths (404),
 * unsupported methods (405), rejected paths (400), a server out of reach (502) and anything unexpected (500, without
 * internals).
 * Ordered before Boot's default handler, which would answer with its own JSON shape.
 */
@Component
@Order(-2)
public class ProblemDetailsErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsErrorHandler.class);

    private final ProblemResponseWriter writer;

    public ProblemDetailsErrorHandler(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        ProblemDetail problem = GatewayProblems.of(statusOf(error), detailOf(error, exchange), exchange);
        HttpHeaders extraHeaders = error instanceof ErrorResponse response ? response.getHeaders() : HttpHeaders.EMPTY;
        if (problem.getStatus() >= 500) {
            log.error("Request {} {} failed [requestId={}]", exchange.getRequest().getMethod(),
                    GatewayProblems.clientPath(exchange), problem.getProperties().get("requestId"), error);
        }
        return writer.write(exchange, problem, headers -> headers.addAll(extraHeaders));
    }

    private static HttpStatusCode statusOf(Throwable error) {
        return switch (error) {
            case ErrorResponse response -> response.getStatusCode();
            case Throwable t when causedByIo(t) -> HttpStatus.BAD_GATEWAY;
            default -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    private static String detailOf(Throwable error, ServerWebExchange exchange) {
        return switch (error) {
            case ErrorResponse response when response.getStatusCode().value() == 404 ->
                    "No route or resource for " + GatewayProblems.clientPath(exchange);
            case ErrorResponse response when response.getBody().getDetail() != null ->
                    response.getBody().getDetail();
            // Outside a route's breaker this is also the identity provider, when its keys cannot be fetched.
            case Throwable t when causedByIo(t) -> "A server the gateway depends on (a backend or the identity "
                    + "provider) could not be reached";
            default -> HttpStatus.valueOf(statusOf(error).value()).getReasonPhrase();
        };
    }

    private static boolean causedByIo(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
