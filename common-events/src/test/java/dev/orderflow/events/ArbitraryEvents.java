package dev.orderflow.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Random events the records accept, from a fixed seed so every run sees the same ones: texts with umlauts,
 * CJK, emoji, quotes and inner white space, amounts of every scale including zero, one to many items.
 */
final class ArbitraryEvents {

    private static final int[] TEXT_ALPHABET = ("abcXYZ019-_./:#äöüßÉñ漢字\"\\' \t€😀").codePoints().toArray();

    private final Random random;

    ArbitraryEvents(long seed) {
        this.random = new Random(seed);
    }

    EventEnvelope envelope(EventType type) {
        return new EventEnvelope(uuid(), type.schemaVersion(), instant(), maybe(text()), maybe(traceparent()),
                payload(type));
    }

    private DomainEvent payload(EventType type) {
        return switch (type) {
            case ORDER_PLACED -> new OrderPlaced(uuid(), text(),
                    IntStream.range(0, random.nextInt(1, 6)).mapToObj(i -> item()).toList(), money(), address());
            case ORDER_CONFIRMED -> new OrderConfirmed(uuid(), uuid());
            case ORDER_CANCELLED -> new OrderCancelled(uuid(),
                    pick(List.of("CUSTOMER_REQUEST", "ADDRESS_NOT_SERVICEABLE", "DELIVERY_TIMEOUT", text())));
            case DELIVERY_SCHEDULED -> new DeliveryScheduled(uuid(), uuid(), text(),
                    LocalDate.of(2024, 1, 1).plusDays(random.nextInt(0, 3_000)));
            case DELIVERY_FAILED -> new DeliveryFailed(uuid(), uuid(), text());
            case DELIVERY_CANCELLED -> new DeliveryCancelled(uuid(), uuid());
        };
    }

    private OrderPlaced.Item item() {
        return new OrderPlaced.Item(text(), random.nextInt(1, 1_000), money());
    }

    private OrderPlaced.DeliveryAddress address() {
        String country = "" + (char) random.nextInt('A', 'Z' + 1) + (char) random.nextInt('A', 'Z' + 1);
        return new OrderPlaced.DeliveryAddress(text(), text(), text(), country);
    }

    /** Non-blank: the first character is never white space. */
    private String text() {
        StringBuilder text = new StringBuilder().append((char) random.nextInt('a', 'z' + 1));
        random.ints(random.nextInt(0, 40), 0, TEXT_ALPHABET.length)
                .forEach(i -> text.appendCodePoint(TEXT_ALPHABET[i]));
        return text.toString();
    }

    private BigDecimal money() {
        return BigDecimal.valueOf(random.nextLong(0, 100_000_000_000L), random.nextInt(0, 3));
    }

    private Instant instant() {
        return Instant.ofEpochSecond(random.nextLong(1_700_000_000L, 2_000_000_000L), random.nextInt(0, 1_000_000_000));
    }

    private String traceparent() {
        return "00-%016x%016x-%016x-01".formatted(random.nextLong(), random.nextLong(), random.nextLong());
    }

    private UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    private String maybe(String value) {
        return random.nextBoolean() ? value : null;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
