package dev.orderflow.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The closed set of event types: the name on the wire ({@code ce_type}), the topic, the payload's current
 * schema version and its Java record. Consumers accept every version up to the current one.
 */
public enum EventType {
    ORDER_PLACED("OrderPlaced", Topics.ORDER_EVENTS, 1, OrderPlaced.class),
    ORDER_CONFIRMED("OrderConfirmed", Topics.ORDER_EVENTS, 1, OrderConfirmed.class),
    ORDER_CANCELLED("OrderCancelled", Topics.ORDER_EVENTS, 1, OrderCancelled.class),
    DELIVERY_SCHEDULED("DeliveryScheduled", Topics.DELIVERY_EVENTS, 1, DeliveryScheduled.class),
    DELIVERY_FAILED("DeliveryFailed", Topics.DELIVERY_EVENTS, 1, DeliveryFailed.class),
    DELIVERY_CANCELLED("DeliveryCancelled", Topics.DELIVERY_EVENTS, 1, DeliveryCancelled.class);

    private final String wireName;
    private final String topic;
    private final int schemaVersion;
    private final Class<? extends DomainEvent> payloadType;

    EventType(String wireName, String topic, int schemaVersion, Class<? extends DomainEvent> payloadType) {
        this.wireName = wireName;
        this.topic = topic;
        this.schemaVersion = schemaVersion;
        this.payloadType = payloadType;
    }

    public static EventType of(DomainEvent event) {
        return switch (event) {
            case OrderPlaced ignored -> ORDER_PLACED;
            case OrderConfirmed ignored -> ORDER_CONFIRMED;
            case OrderCancelled ignored -> ORDER_CANCELLED;
            case DeliveryScheduled ignored -> DELIVERY_SCHEDULED;
            case DeliveryFailed ignored -> DELIVERY_FAILED;
            case DeliveryCancelled ignored -> DELIVERY_CANCELLED;
        };
    }

    public static EventType forPayloadType(Class<? extends DomainEvent> payloadType) {
        return Arrays.stream(values()).filter(type -> type.payloadType.equals(payloadType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(payloadType + " is not an event payload"));
    }

    public static Optional<EventType> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst();
    }

    public String wireName() {
        return wireName;
    }

    public String topic() {
        return topic;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public Class<? extends DomainEvent> payloadType() {
        return payloadType;
    }

    /** The producing service, as a CloudEvents {@code source} URI reference. */
    public String source() {
        return topic.equals(Topics.ORDER_EVENTS) ? "/order-service" : "/delivery-service";
    }

    /** Where the JSON Schema of this type's current version lies on the classpath of this module. */
    public String schemaResource() {
        return "/schemas/" + wireName + ".v" + schemaVersion + ".schema.json";
    }
}
