package dev.orderflow.audit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads every order and every delivery through the gateway's public API, page by page, and judges them
 * with {@link ConsistencyRules}. Run it when the load has stopped: it reads, it never writes. Every request carries
 * a bearer token of an operator, whose listings hold every customer's orders and deliveries (a customer's would
 * hold only their own): the realm's automation client ({@link ClientCredentials#automation}) is one.
 */
public final class ConsistencyAuditor {

    private static final int PAGE_SIZE = 200;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final URI gateway;
    private final Supplier<String> operatorToken;
    private final ConsistencyRules rules;
    private final Clock clock;

    /** @param operatorToken asked before every request: a source that renews its token keeps a long wait going */
    public ConsistencyAuditor(URI gateway, Supplier<String> operatorToken, ConsistencyRules rules, Clock clock) {
        this.gateway = gateway;
        this.operatorToken = operatorToken;
        this.rules = rules;
        this.clock = clock;
    }

    public AuditReport audit() {
        Instant now = clock.instant();
        List<OrderView> orders = readAll("/api/orders", ConsistencyAuditor::order);
        List<DeliveryView> deliveries = readAll("/api/deliveries", ConsistencyAuditor::delivery);
        return rules.judge(orders, deliveries, now);
    }

    private <T> List<T> readAll(String path, Function<JsonNode, T> reader) {
        List<T> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode body = get(path + "?size=" + PAGE_SIZE + "&page=" + page);
            body.get("items").forEach(item -> all.add(reader.apply(item)));
            if (page + 1 >= body.get("totalPages").asInt()) {
                return all;
            }
        }
    }

    private JsonNode get(String pathAndQuery) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway.resolve(pathAndQuery))
                    .header("Authorization", "Bearer " + operatorToken.get())
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + pathAndQuery + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + pathAndQuery + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static OrderView order(JsonNode node) {
        return new OrderView(UUID.fromString(node.get("id").asString()), node.get("status").asString(),
                text(node, "cancellationReason"), uuid(node, "deliveryId"), Instant.parse(node.get("createdAt").asString()),
                Instant.parse(node.get("updatedAt").asString()));
    }

    private static DeliveryView delivery(JsonNode node) {
        return new DeliveryView(UUID.fromString(node.get("id").asString()), UUID.fromString(node.get("orderId").asString()),
                node.get("status").asString(), Instant.parse(node.get("updatedAt").asString()));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static UUID uuid(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : UUID.fromString(value);
    }
}
