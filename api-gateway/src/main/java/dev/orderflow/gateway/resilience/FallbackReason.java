package dev.orderflow.gateway.resilience;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.server.ResponseStatusException;

/** Why a route fell back, as told to clients in the problem body ({@code reason}) and in the logs. */
public enum FallbackReason {

    /** The breaker is OPEN (or HALF_OPEN with all probes taken): the backend was not called. */
    CIRCUIT_OPEN("circuit-open", "is temporarily not called because it failed repeatedly"),
    /** The time limiter cut the call, retries included. */
    TIME_LIMIT("time-limit", "did not answer within the gateway's time limit"),
    /** The HTTP client's response timeout expired for one attempt. */
    RESPONSE_TIMEOUT("response-timeout", "did not answer in time"),
    /** The backend answered with a 5xx status. */
    BACKEND_ERROR("backend-error", "answered with a server error"),
    /** No connection, or the connection broke before an answer. */
    BACKEND_UNREACHABLE("backend-unreachable", "could not be reached"),
    /** Too many calls to this backend are already in flight. */
    TOO_MANY_CONCURRENT_CALLS("too-many-concurrent-calls", "has too many requests in flight"),
    OTHER("backend-failure", "failed");

    private final String code;
    private final String description;

    FallbackReason(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    public static FallbackReason of(Throwable failure) {
        return switch (failure) {
            case CallNotPermittedException e -> CIRCUIT_OPEN;
            case TimeoutException e -> TIME_LIMIT;
            case BulkheadFullException e -> TOO_MANY_CONCURRENT_CALLS;
            case HttpStatusCodeException e -> BACKEND_ERROR;
            case ResponseStatusException e when e.getStatusCode().value() == 504 -> RESPONSE_TIMEOUT;
            case Throwable t when hasIoCause(t) -> BACKEND_UNREACHABLE;
            default -> OTHER;
        };
    }

    private static boolean hasIoCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
