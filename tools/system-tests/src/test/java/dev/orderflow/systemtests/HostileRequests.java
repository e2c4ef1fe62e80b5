package dev.orderflow.systemtests;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

import dev.orderflow.testinfra.HttpTestClient;

/**
 * Hostile requests to the public API, generated with plain JDK randomness: mutated orders (wrong types, missing and
 * extra fields, huge numbers, unicode), raw and huge bodies, wrong content types, bad ids and queries, header abuse,
 * path tricks, odd methods. The same seed gives the same sequence; set it with {@code -Dorderflow.fuzz.seed=...}.
 */
final class HostileRequests {

    static final String SEED_PROPERTY = "orderflow.fuzz.seed";

    /** One generated request. */
    record Probe(String kind, String method, String path, Map<String, String> headers, byte[] body) {

        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, UTF_8);
            return kind + ": " + method + " " + path + " " + headers + " body(" + (body == null ? 0 : body.length) + ")="
                    + (shown.length() > 300 ? shown.substring(0, 300) + "..." : shown);
        }
    }

    private static final List<String> FIELDS = List.of("customerId", "items", "deliveryAddress");
    private static final List<String> ITEM_FIELDS = List.of("productId", "quantity", "unitPrice");
    private static final List<String> ADDRESS_FIELDS = List.of("street", "city", "postalCode", "country");
    /** Characters that break naive handling: NUL, BOM, bidi override, non-characters, a lone surrogate, quotes. */
    private static final List<String> TRICKY_CHARS = List.of("\u0000", "\uFEFF", "\u202E", "\uFFFF", "\uFFFE", "\uD800",
            "\"", "\\", "'", "<", "%", "\u00e9", "e\u0301", "\u0130");
    private static final List<String> JSONISH = List.of("", "{", "}", "[]", "null", "true", "\"order\"", "{\"items\":[",
            "{}", "[{}]", "{\"customerId\":\"c\"}{\"customerId\":\"d\"}", "\uFEFF{}", "{\"a\":" + "[".repeat(5_000));
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
            "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json; charset=EBCDIC",
            "*/*", "application/", "json", "application/json+evil", "text/html; charset=utf-8",
            "application/octet-stream", "\u00e9/\u00e8");
    private static final List<String> ODD_IDS = List.of("0", "-1", "null", "undefined",
            "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "%00", "%25", "1e308",
            "' OR '1'='1", "%7B%7D", "9999999999999999999999999999", "x".repeat(3_000));
    private static final List<String> ODD_QUERY_VALUES = List.of("-1", "0", "2147483648", "99999999999999999999", "1e9",
            "NaN", "", "CONFIRMED", "PENDING%00", "%25", "a%26b%3Dc", "1%3BDROP%20TABLE%20orders");
    private static final List<String> PATH_TARGETS = List.of("actuator", "actuator/env", "actuator/health",
            "actuator/chaosmonkey", "actuator/gateway/routes", "actuator/heapdump", "actuator/prometheus",
            "v3/api-docs", "orders", "deliveries");
    private static final List<String> PATH_UPS = List.of("..", "%2e%2e", "%2E%2E", ".%2e", "%252e%252e", "..;",
            "..%00", "..\\", "..%5c", "%c0%ae%c0%ae", "...", ".");
    private static final List<String> PATH_SLASHES = List.of("/", "%2f", "%2F", "%252f", "//", "/./", ";/", "\\");
    private static final List<String> HEADER_NAMES = List.of("Idempotency-Key", "X-Forwarded-For", "X-Forwarded-Host",
            "X-Forwarded-Prefix", "X-Forwarded-Proto", "Forwarded", "X-Original-URL", "X-Rewrite-URL", "Accept",
            "Accept-Encoding", "Accept-Language", "X-Correlation-Id", "traceparent", "Authorization", "Cookie",
            "X-HTTP-Method-Override", "Origin", "Range", "If-None-Match", "X-Customer-Id");
    private static final List<String> ODD_HEADER_VALUES = List.of("", " ", "/actuator/env", "localhost:1",
            "evil.example", "../../actuator", "text/xml", "application/xml", "gzip;q=2", "bytes=0-0,-1", "DELETE",
            "00-zz-zz-01", "null", "for=\"[::1]\";host=actuator", "*");
    private static final List<BigDecimal> ODD_NUMBERS = List.of(new BigDecimal("1e308"), new BigDecimal("-1e308"),
            new BigDecimal("1e-400"), new BigDecimal("0.000000000000000000001"), BigDecimal.ZERO,
            new BigDecimal("-0.01"), new BigDecimal(Long.MAX_VALUE).add(BigDecimal.ONE), new BigDecimal("2147483648"));

    private final RandomGenerator random;

    private HostileRequests(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The seed of this run: {@value #SEED_PROPERTY} if set, otherwise a fresh one. */
    static long seed() {
        String configured = System.getProperty(SEED_PROPERTY, "").strip();
        return configured.isEmpty() ? new SplittableRandom().nextLong() : Long.parseLong(configured);
    }

    /** An endless, reproducible sequence of hostile requests. */
    static Stream<Probe> any(long seed) {
        return Stream.generate(new HostileRequests(seed)::next);
    }

    /** One request of a kind drawn with these weights (out of 100). */
    Probe next() {
        int roll = random.nextInt(100);
        if (roll < 35) {
            return mutatedOrder();
        } else if (roll < 45) {
            return rawBody();
        } else if (roll < 53) {
            return wrongContentType();
        } else if (roll < 63) {
            return badId();
        } else if (roll < 70) {
            return queryAbuse();
        } else if (roll < 85) {
            return pathTrick();
        } else if (roll < 95) {
            return headerAbuse();
        }
        return wrongMethod();
    }

    /** A valid order with one to three things wrong with it. */
    private Probe mutatedOrder() {
        Map<String, Object> order = validOrder();
        for (int i = random.nextInt(1, 4); i > 0; i--) {
            switch (random.nextInt(12)) {
                case 0 -> order.remove(pick(FIELDS));
                case 1 -> order.put(pick(FIELDS), junk());
                case 2 -> item(order).put(pick(ITEM_FIELDS), junk());
                case 3 -> item(order).remove(pick(ITEM_FIELDS));
                case 4 -> address(order).put(pick(ADDRESS_FIELDS), junk());
                case 5 -> address(order).remove(pick(ADDRESS_FIELDS));
                case 6 -> order.put(text(1, 40), junk());
                case 7 -> item(order).put("quantity", hugeNumber());
                case 8 -> item(order).put("unitPrice", hugeNumber());
                case 9 -> order.put("items", manyItems(random.nextInt(2_001)));
                case 10 -> order.put("customerId", text(0, 200));
                default -> address(order).put("country", text(0, 8));
            }
        }
        return new Probe("mutated order", "POST", "/api/orders", Map.of("Content-Type", "application/json"),
                HttpTestClient.toJson(order).getBytes(UTF_8));
    }

    private Probe rawBody() {
        byte[] body = switch (random.nextInt(4)) {
            case 0 -> {
                byte[] bytes = new byte[random.nextInt(2_001)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case 1 -> text(0, 500).getBytes(UTF_8);
            case 2 -> pick(JSONISH).getBytes(UTF_8);
            default -> ("{\"customerId\":\"" + "x".repeat(random.nextInt(65 * 1024, 600 * 1024 + 1)) + "\"}")
                    .getBytes(UTF_8);
        };
        return new Probe("raw body", "POST", "/api/orders", Map.of("Content-Type", "application/json"), body);
    }

    private Probe wrongContentType() {
        return new Probe("content type", "POST", "/api/orders", Map.of("Content-Type", pick(CONTENT_TYPES)),
                HttpTestClient.toJson(validOrder()).getBytes(UTF_8));
    }

    private Probe badId() {
        String id = random.nextBoolean() ? encode(text(1, 80)) : pick(ODD_IDS);
        String template = pick(List.of("/api/orders/%s", "/api/orders/%s/cancel", "/api/deliveries/%s"));
        String path = template.formatted(id);
        if (template.endsWith("/cancel")) {
            return new Probe("bad id", "POST", path, Map.of(), new byte[0]);
        }
        String method = template.startsWith("/api/orders/") ? "GET" : pick(List.of("GET", "POST"));
        return new Probe("bad id", method, path, Map.of(), null);
    }

    private Probe queryAbuse() {
        String path = pick(List.of("/api/orders", "/api/deliveries"))
                + "?" + pick(List.of("page", "size", "status", "customerId", "orderId", "sort", "page[]")) + "=" + queryValue()
                + "&" + pick(List.of("page", "size", "status")) + "=" + queryValue();
        return new Probe("query", "GET", path, Map.of(), null);
    }

    private Probe pathTrick() {
        List<String> climb = new ArrayList<>();
        for (int i = random.nextInt(1, 5); i > 0; i--) {
            climb.add(pick(PATH_UPS));
        }
        String slash = pick(PATH_SLASHES);
        String path = pick(List.of("/api/orders/", "/api/deliveries/", "/api/", "/api/orders/x/"))
                + String.join(slash, climb) + slash + pick(PATH_TARGETS);
        return new Probe("path trick", "GET", path.replace("\\", "%5C"), Map.of(), null);
    }

    private Probe headerAbuse() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(pick(HEADER_NAMES), random.nextBoolean() ? printableAscii(random.nextInt(4_001)) : pick(ODD_HEADER_VALUES));
        if (random.nextBoolean()) {
            headers.putIfAbsent("Content-Type", "application/json");
            return new Probe("header", "POST", "/api/orders", headers, HttpTestClient.toJson(invalidOrder()).getBytes(UTF_8));
        }
        return new Probe("header", "GET", "/api/orders?size=1", headers, null);
    }

    private Probe wrongMethod() {
        return new Probe("method", pick(List.of("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND")),
                pick(List.of("/api/orders", "/api/orders/00000000-0000-0000-0000-000000000001", "/api/deliveries")),
                Map.of("Content-Type", "application/json"), "{}".getBytes(UTF_8));
    }

    /** A value of some JSON type that is wrong somewhere. */
    private Object junk() {
        return switch (random.nextInt(7)) {
            case 0 -> text(0, 50);
            case 1 -> random.nextInt();
            case 2 -> hugeNumber();
            case 3 -> random.nextBoolean();
            case 4 -> List.of();
            case 5 -> Map.of("nested", Map.of("deeper", List.of(1, "two")));
            default -> new ArrayList<>(Collections.nCopies(3, null));
        };
    }

    /** An integer of up to 30 digits or one of the numbers that overflow or underflow the usual types. */
    private Object hugeNumber() {
        if (random.nextBoolean()) {
            return pick(ODD_NUMBERS);
        }
        StringBuilder digits = new StringBuilder(random.nextBoolean() ? "-" : "").append(random.nextInt(1, 10));
        for (int i = random.nextInt(30); i > 0; i--) {
            digits.append(random.nextInt(10));
        }
        return new BigInteger(digits.toString());
    }

    /** Text of min to max chars mixing control chars, ASCII, other BMP chars, emoji (surrogate pairs) and oddities. */
    private String text(int min, int max) {
        int length = random.nextInt(min, max + 1);
        StringBuilder text = new StringBuilder(length + 1);
        while (text.length() < length) {
            switch (random.nextInt(6)) {
                case 0 -> text.append((char) random.nextInt(0x20));
                case 1, 2 -> text.append((char) random.nextInt(0x20, 0x7f));
                case 3 -> text.append((char) random.nextInt(0xa0, 0xd800));
                case 4 -> text.appendCodePoint(random.nextInt(0x1f300, 0x1fa00));
                default -> text.append(pick(TRICKY_CHARS));
            }
        }
        return text.substring(0, length);
    }

    private String printableAscii(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(' ', '~' + 1));
        }
        return text.toString();
    }

    private String queryValue() {
        return random.nextBoolean() ? encode(text(0, 60)) : pick(ODD_QUERY_VALUES);
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** Built in insertion order (not with Map.of) so that one seed always gives the same bodies. */
    private static Map<String, Object> validOrder() {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("productId", "SKU-FUZZ");
        item.put("quantity", 1);
        item.put("unitPrice", 2.5);
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("street", "1 Main St");
        address.put("city", "Somewhere");
        address.put("postalCode", "12345");
        address.put("country", "KR");
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("customerId", "fuzz");
        order.put("items", new ArrayList<>(List.of(item)));
        order.put("deliveryAddress", address);
        return order;
    }

    private static Map<String, Object> invalidOrder() {
        Map<String, Object> order = validOrder();
        order.remove("deliveryAddress");
        return order;
    }

    private static List<Object> manyItems(int count) {
        List<Object> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("productId", "SKU-" + i);
            item.put("quantity", -i);
            item.put("unitPrice", 1);
            items.add(item);
        }
        return items;
    }

    /** The order's first item, copied in place so that it can be changed; a detached map if there is none. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> item(Map<String, Object> order) {
        if (order.get("items") instanceof List<?> items && !items.isEmpty() && items.get(0) instanceof Map<?, ?> item) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) item);
            List<Object> replaced = new ArrayList<>(items);
            replaced.set(0, copy);
            order.put("items", replaced);
            return copy;
        }
        return new LinkedHashMap<>();
    }

    /** The order's address, copied in place so that it can be changed; a detached map if there is none. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> address(Map<String, Object> order) {
        if (order.get("deliveryAddress") instanceof Map<?, ?> address) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) address);
            order.put("deliveryAddress", copy);
            return copy;
        }
        return new LinkedHashMap<>();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, UTF_8).replace("+", "%20");
    }
}
