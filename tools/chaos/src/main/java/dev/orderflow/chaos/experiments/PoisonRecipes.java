package dev.orderflow.chaos.experiments;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.EventType;

/**
 * Records no consumer can accept, each a different way to be wrong: random bytes, valid JSON of the wrong shape,
 * unknown types and versions, missing headers, empty and null values, an almost valid event for a real order. Every
 * one carries the header {@link #MARKER} so that its dead letter can be found again.
 */
public final class PoisonRecipes {

    public static final String MARKER = "chaos-poison";

    /** A record to publish as it is. */
    public record Poison(String topic, String key, Map<String, String> headers, byte[] value, String kind) {
    }

    private final Random random;
    private final String run;

    public PoisonRecipes(long seed, String run) {
        this.random = new Random(seed);
        this.run = run;
    }

    /** Every kind once for the topic; {@code realOrder} is the key (and subject) of the almost valid ones. */
    public List<Poison> forTopic(String topic, UUID realOrder) {
        EventType type = Arrays.stream(EventType.values()).filter(t -> t.topic().equals(topic)).findFirst()
                .orElseThrow();
        String key = realOrder.toString();
        List<Poison> poisons = new ArrayList<>();
        poisons.add(poison(topic, key, Map.of(), randomBytes(1 + random.nextInt(4096)), "random bytes, no headers"));
        poisons.add(poison(topic, key, headers(type.wireName(), "1", realOrder), randomBytes(64), "random bytes, valid headers"));
        poisons.add(poison(topic, key, headers(type.wireName(), "1", realOrder),
                "{\"hello\":\"world\",\"n\":[1,2,3]}".getBytes(UTF_8), "JSON of the wrong shape"));
        poisons.add(poison(topic, key, headers(type.wireName(), "1", realOrder),
                ("{\"orderId\":\"" + realOrder + "\"}").getBytes(UTF_8), "real order, required fields missing"));
        poisons.add(poison(topic, key, headers(type.wireName(), "1", realOrder),
                ("{\"orderId\":12,\"deliveryId\":[],\"reason\":{}}").getBytes(UTF_8), "fields of the wrong types"));
        poisons.add(poison(topic, key, headers("OrderTeleported", "1", realOrder),
                ("{\"orderId\":\"" + realOrder + "\"}").getBytes(UTF_8), "unknown type"));
        poisons.add(poison(topic, key, headers(type.wireName(), "99", realOrder),
                ("{\"orderId\":\"" + realOrder + "\"}").getBytes(UTF_8), "unknown schema version"));
        poisons.add(poison(topic, key, Map.of("content-type", "application/json"),
                ("{\"orderId\":\"" + realOrder + "\",\"reason\":\"NOT_SERVICEABLE\"}").getBytes(UTF_8),
                "CloudEvents headers missing"));
        poisons.add(poison(topic, key, headers(type.wireName(), "1", realOrder), "null".getBytes(UTF_8), "JSON null"));
        poisons.add(poison(topic, key, headers(type.wireName(), "1", realOrder), new byte[0], "empty value"));
        poisons.add(poison(topic, null, headers(type.wireName(), "1", realOrder), null, "null value, no key"));
        poisons.add(poison(topic, key, headers(type.wireName(), "1", realOrder),
                ("{\"orderId\":\"" + realOrder + "\",\"note\":\"" + "\uD83D\uDCA3\u0000\u202E".repeat(200) + "\"}")
                        .getBytes(UTF_8), "unicode and NUL in a partial event"));
        return poisons;
    }

    private Poison poison(String topic, String key, Map<String, String> headers, byte[] value, String kind) {
        Map<String, String> marked = new HashMap<>(headers);
        marked.put(MARKER, run);
        return new Poison(topic, key, marked, value, kind);
    }

    private static Map<String, String> headers(String type, String version, UUID order) {
        Map<String, String> headers = new HashMap<>();
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        headers.put(CloudEventHeaders.ID, UUID.randomUUID().toString());
        headers.put(CloudEventHeaders.SOURCE, "/chaos");
        headers.put(CloudEventHeaders.TYPE, type);
        headers.put(CloudEventHeaders.TIME, Instant.now().toString());
        headers.put(CloudEventHeaders.SUBJECT, order.toString());
        headers.put(CloudEventHeaders.SCHEMA_VERSION, version);
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return headers;
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
