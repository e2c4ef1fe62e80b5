package dev.orderflow.gateway.openapi;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.orderflow.gateway.ratelimit.InMemoryRateLimiter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The answers only the gateway gives, added to every operation of a service's document, since a service cannot
 * know them:
 * <ul>
 * <li>{@code 429} ({@code ClientRateLimit}): the caller is over its rate limit; with {@code Retry-After}.</li>
 * <li>{@code 503} (the circuit-breaker fallback): replaces a service's own 503, because the gateway answers every
 * backend 5xx, refused connection or timeout with its fallback; with {@code Retry-After}.</li>
 * <li>The {@code X-RateLimit-*} headers of {@link InMemoryRateLimiter}, on every inline 2xx response and on 429.</li>
 * </ul>
 * Both responses and the headers are described once under {@code components} and referenced; the bodies are the
 * document's {@code Problem} schema when it has one.
 */
final class GatewayResponses {

    static final String TOO_MANY_REQUESTS = "TooManyRequests";
    static final String GATEWAY_UNAVAILABLE = "GatewayUnavailable";

    private static final String PROBLEM_SCHEMA = "Problem";
    private static final String RETRY_AFTER = InMemoryRateLimiter.RETRY_AFTER_HEADER;
    private static final Map<String, String> RATE_LIMIT_HEADERS = new TreeMap<>(Map.of(
            InMemoryRateLimiter.REMAINING_HEADER, "Requests the caller may still send at once",
            InMemoryRateLimiter.REPLENISH_RATE_HEADER, "Requests per second the caller may send sustained",
            InMemoryRateLimiter.BURST_CAPACITY_HEADER, "Requests the caller may send at once after being idle"));
    private static final Set<String> HTTP_METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private GatewayResponses() {
    }

    static void addTo(ObjectNode openApi) {
        ObjectNode components = openApi.withObjectProperty("components");
        describeHeaders(components.withObjectProperty("headers"));
        describeResponses(components.withObjectProperty("responses"), problemSchema(components));
        for (JsonNode pathItem : openApi.path("paths").values()) {
            for (String method : HTTP_METHODS) {
                if (pathItem.get(method) instanceof ObjectNode operation) {
                    addToOperation(operation.withObjectProperty("responses"));
                }
            }
        }
    }

    private static void addToOperation(ObjectNode responses) {
        for (Map.Entry<String, JsonNode> response : responses.properties()) {
            if (response.getKey().startsWith("2") && response.getValue() instanceof ObjectNode success
                    && !success.has("$ref")) {
                addRateLimitHeaders(success.withObjectProperty("headers"));
            }
        }
        responses.set("429", reference("responses", TOO_MANY_REQUESTS));
        responses.set("503", reference("responses", GATEWAY_UNAVAILABLE));
        Map<String, JsonNode> byStatus = new TreeMap<>();
        responses.properties().forEach(response -> byStatus.put(response.getKey(), response.getValue()));
        responses.removeAll().setAll(byStatus);
    }

    private static void describeHeaders(ObjectNode headers) {
        RATE_LIMIT_HEADERS.forEach((name, description) -> integerHeader(headers, name, description));
        integerHeader(headers, RETRY_AFTER, "Seconds to wait before a retry");
    }

    private static void describeResponses(ObjectNode responses, ObjectNode problemSchema) {
        ObjectNode tooManyRequests = problem(responses, TOO_MANY_REQUESTS, problemSchema, "The gateway's answer: "
                + "the caller (the token's subject) is over its rate limit; `route` names the route");
        addRateLimitHeaders(tooManyRequests.withObjectProperty("headers"));
        problem(responses, GATEWAY_UNAVAILABLE, problemSchema, "The gateway's fallback: the service was not "
                + "called (circuit breaker open, too many concurrent calls) or failed (a 5xx, unreachable, too "
                + "slow); nothing is known to have changed. `reason` says which, with `route`, "
                + "`circuitBreakerState` and `backendStatus`");
    }

    private static ObjectNode problem(ObjectNode responses, String name, ObjectNode schema, String description) {
        ObjectNode response = responses.putObject(name).put("description", description);
        response.putObject("headers").set(RETRY_AFTER, reference("headers", RETRY_AFTER));
        response.putObject("content").putObject("application/problem+json").set("schema", schema);
        return response;
    }

    /** The service's Problem schema, or a plain object if the document has none. */
    private static ObjectNode problemSchema(ObjectNode components) {
        return components.path("schemas").has(PROBLEM_SCHEMA)
                ? reference("schemas", PROBLEM_SCHEMA)
                : components.objectNode().put("type", "object").put("description", "An RFC 9457 problem");
    }

    private static void addRateLimitHeaders(ObjectNode headers) {
        RATE_LIMIT_HEADERS.keySet().forEach(name -> headers.set(name, reference("headers", name)));
    }

    private static void integerHeader(ObjectNode headers, String name, String description) {
        headers.putObject(name).put("description", description).putObject("schema").put("type", "integer");
    }

    private static ObjectNode reference(String section, String name) {
        return JsonNodeFactory.instance.objectNode().put("$ref", "#/components/" + section + "/" + name);
    }
}
