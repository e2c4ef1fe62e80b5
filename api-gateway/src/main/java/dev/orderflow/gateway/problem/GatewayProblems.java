package dev.orderflow.gateway.problem;

import java.net.URI;
import java.util.Set;

import dev.orderflow.gateway.web.RequestIdFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;

/** Builds the RFC 9457 problem bodies of the gateway, all with the same extension members. */
public final class GatewayProblems {

    private GatewayProblems() {
    }

    /** A problem about this exchange: {@code instance} is the path the client called, plus the request id. */
    public static ProblemDetail of(HttpStatusCode status, String detail, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(clientPath(exchange)));
        problem.setProperty("requestId", RequestIdFilter.of(exchange));
        return problem;
    }

    /** The path before any rewriting or fallback forwarding, which is what the client knows. */
    static String clientPath(ServerWebExchange exchange) {
        Set<URI> originalUrls = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
        if (originalUrls != null && !originalUrls.isEmpty()) {
            return originalUrls.iterator().next().getRawPath();
        }
        return exchange.getRequest().getURI().getRawPath();
    }
}
