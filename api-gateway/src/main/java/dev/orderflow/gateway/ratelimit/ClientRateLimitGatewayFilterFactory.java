package dev.orderflow.gateway.ratelimit;

import dev.orderflow.gateway.problem.GatewayProblems;
import dev.orderflow.gateway.problem.ProblemResponseWriter;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.support.HasRouteId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * {@code ClientRateLimit} route filter: counts each request against its client (see {@link ClientKeyResolver})
 * and answers {@code 429} problem details with {@code Retry-After} past the limit.
 * <p>
 * Spring Cloud Gateway's own {@code RequestRateLimiter} answers 429 with an empty body; this one speaks RFC 9457
 * like the rest of the gateway, and takes the same {@link RateLimiter} beans (in memory or Redis).
 */
@Component
public class ClientRateLimitGatewayFilterFactory
        extends AbstractGatewayFilterFactory<ClientRateLimitGatewayFilterFactory.Config> {

    private static final String DEFAULT_RETRY_AFTER_SECONDS = "1";

    private final RateLimiter<?> rateLimiter;
    private final ClientKeyResolver clientKeyResolver;
    private final ProblemResponseWriter problemWriter;

    public ClientRateLimitGatewayFilterFactory(RateLimiter<?> rateLimiter, ClientKeyResolver clientKeyResolver,
            ProblemResponseWriter problemWriter) {
        super(Config.class);
        this.rateLimiter = rateLimiter;
        this.clientKeyResolver = clientKeyResolver;
        this.problemWriter = problemWriter;
    }

    @Override
    public GatewayFilter apply(Config config) {
        return (exchange, chain) -> clientKeyResolver.resolve(exchange)
                .flatMap(clientKey -> rateLimiter.isAllowed(config.getRouteId(), clientKey))
                .flatMap(decision -> {
                    HttpHeaders responseHeaders = exchange.getResponse().getHeaders();
                    decision.getHeaders().forEach(responseHeaders::set);
                    if (decision.isAllowed()) {
                        return chain.filter(exchange);
                    }
                    String retryAfter = decision.getHeaders()
                            .getOrDefault(HttpHeaders.RETRY_AFTER, DEFAULT_RETRY_AFTER_SECONDS);
                    ProblemDetail problem = GatewayProblems.of(HttpStatus.TOO_MANY_REQUESTS,
                            "Rate limit exceeded for this client; retry after " + retryAfter + " s", exchange);
                    problem.setProperty("route", config.getRouteId());
                    return problemWriter.write(exchange, problem,
                            headers -> headers.set(HttpHeaders.RETRY_AFTER, retryAfter));
                });
    }

    public static class Config implements HasRouteId {

        private String routeId;

        @Override
        public void setRouteId(String routeId) {
            this.routeId = routeId;
        }

        @Override
        public String getRouteId() {
            return routeId;
        }
    }
}
