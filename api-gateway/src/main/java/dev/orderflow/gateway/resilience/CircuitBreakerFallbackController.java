package dev.orderflow.gateway.resilience;

import java.time.Duration;

import dev.orderflow.gateway.problem.GatewayProblems;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.swagger.v3.oas.annotations.Hidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;

/**
 * The fallback of every route's circuit breaker, for every HTTP method (the CircuitBreaker filter forwards the
 * original request here, method included): {@code 503} problem with the route's name, the reason and a
 * {@code Retry-After}.
 */
@Hidden
@RestController
public class CircuitBreakerFallbackController {

    private static final Logger log = LoggerFactory.getLogger(CircuitBreakerFallbackController.class);

    private final CircuitBreakerRegistry breakers;
    private final FallbackProperties properties;

    public CircuitBreakerFallbackController(CircuitBreakerRegistry breakers, FallbackProperties properties) {
        this.breakers = breakers;
        this.properties = properties;
    }

    // Methods listed explicitly: a mapping without methods does not match OPTIONS, which WebFlux would then
    // answer itself with 200 and an Allow header, hiding the backend's failure.
    @RequestMapping(path = "/fallback/{route}", method = {RequestMethod.GET, RequestMethod.HEAD, RequestMethod.POST,
            RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE, RequestMethod.OPTIONS, RequestMethod.TRACE})
    public ResponseEntity<ProblemDetail> fallback(@PathVariable String route, ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        CircuitBreaker breaker = breakers.find(route).orElse(null);
        if (failure == null || breaker == null) {
            // Only reachable as a forward from a breaker; called directly it is just an unknown path.
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        FallbackReason reason = FallbackReason.of(failure);
        long retryAfter = wholeSeconds(reason == FallbackReason.CIRCUIT_OPEN
                ? Duration.ofMillis(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1))
                : properties.retryAfter());
        ProblemDetail problem = GatewayProblems.of(HttpStatus.SERVICE_UNAVAILABLE,
                route + " " + reason.description() + "; retry after " + retryAfter + " s", exchange);
        problem.setTitle("Service Unavailable");
        problem.setProperty("route", route);
        problem.setProperty("reason", reason.code());
        problem.setProperty("circuitBreakerState", breaker.getState().name());
        if (failure instanceof HttpStatusCodeException backendError) {
            problem.setProperty("backendStatus", backendError.getStatusCode().value());
        }
        logFallback(route, reason, failure, problem);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** While a breaker is open every request falls back: its state change is logged once, not each request. */
    private static void logFallback(String route, FallbackReason reason, Throwable failure, ProblemDetail problem) {
        Object requestId = problem.getProperties().get("requestId");
        if (reason == FallbackReason.CIRCUIT_OPEN) {
            log.debug("Fallback for route {}: {} [requestId={}]", route, reason.code(), requestId);
        }
        else {
            log.warn("Fallback for route {}: {} ({}) [requestId={}]", route, reason.code(), failure, requestId);
        }
    }

    /** Retry-After takes whole seconds: round up, and never tell a client to retry at once. */
    private static long wholeSeconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
