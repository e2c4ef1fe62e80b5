package dev.orderflow.events;

import static dev.orderflow.events.SampleEvents.CORRELATION_ID;
import static dev.orderflow.events.SampleEvents.EVENT_ID;
import static dev.orderflow.events.SampleEvents.ORDER_ID;
import static dev.orderflow.events.SampleEvents.TRACEPARENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** CloudEvents Kafka binary mode: attributes as {@code ce_*} headers, the bare JSON payload as the value. */
class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void decodingWhatWasEncodedGivesTheOriginalEnvelope(EventType type) {
        EventEnvelope envelope = SampleEvents.envelope(type);

        EncodedEvent encoded = codec.encode(envelope);

        assertThat(codec.decode(encoded.headers(), encoded.data())).isEqualTo(envelope);
    }

    @ParameterizedTest(name = "{0} on {1} from {2}")
    @CsvSource({
            "ORDER_PLACED,       orders.events,     /order-service",
            "ORDER_CONFIRMED,    orders.events,     /order-service",
            "ORDER_CANCELLED,    orders.events,     /order-service",
            "DELIVERY_SCHEDULED, deliveries.events, /delivery-service",
            "DELIVERY_FAILED,    deliveries.events, /delivery-service",
            "DELIVERY_CANCELLED, deliveries.events, /delivery-service"})
    void publishesOnTheProducersTopicKeyedByOrderIdWithEveryCloudEventsHeader(EventType type, String topic,
                                                                              String source) {
        EncodedEvent encoded = codec.encode(SampleEvents.envelope(type));

        assertThat(encoded.topic()).isEqualTo(topic);
        assertThat(encoded.key()).isEqualTo(ORDER_ID.toString());
        assertThat(encoded.headers()).containsOnly(
                entry("ce_specversion", "1.0"),
                entry("ce_id", EVENT_ID.toString()),
                entry("ce_source", source),
                entry("ce_type", type.wireName()),
                entry("ce_time", "2025-06-02T09:30:15.123Z"),
                entry("ce_subject", ORDER_ID.toString()),
                entry("ce_schemaversion", "1"),
                entry("ce_correlationid", CORRELATION_ID),
                entry("ce_traceparent", TRACEPARENT),
                entry("content-type", "application/json"));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void putsNoJavaClassNameOnTheWire(EventType type) {
        EncodedEvent encoded = codec.encode(SampleEvents.envelope(type));

        List<String> wire = new ArrayList<>(encoded.headers().keySet());
        wire.addAll(encoded.headers().values());
        wire.add(new String(encoded.data(), StandardCharsets.UTF_8));
        assertThat(wire).allSatisfy(text -> assertThat(text)
                .doesNotContain("dev.orderflow", "java.", "@class", "@type", type.payloadType().getName()));
    }

    @Test
    void leavesOutOptionalHeadersThatHaveNoValue() {
        EventEnvelope withoutContext = new EventEnvelope(EVENT_ID, 1, SampleEvents.OCCURRED_AT, null, " ",
                SampleEvents.payload(EventType.ORDER_CONFIRMED));

        EncodedEvent encoded = codec.encode(withoutContext);

        assertThat(encoded.headers()).doesNotContainKeys("ce_correlationid", "ce_traceparent");
        EventEnvelope decoded = codec.decode(encoded.headers(), encoded.data());
        assertThat(decoded.correlationId()).isNull();
        assertThat(decoded.traceparent()).isNull();
    }

    @Test
    void writesTheTimeWithItsFullPrecisionInUtc() {
        EventEnvelope envelope = new EventEnvelope(EVENT_ID, 1,
                OffsetDateTime.parse("2025-06-02T11:30:15.123456789+02:00").toInstant(), null, null,
                SampleEvents.payload(EventType.ORDER_CANCELLED));

        EncodedEvent encoded = codec.encode(envelope);

        assertThat(encoded.headers()).containsEntry("ce_time", "2025-06-02T09:30:15.123456789Z");
        assertThat(codec.decode(encoded.headers(), encoded.data()).occurredAt()).isEqualTo(envelope.occurredAt());
    }

    @Test
    void writesThePayloadAsUtf8Json() {
        EncodedEvent encoded = codec.encode(SampleEvents.envelope(EventType.ORDER_PLACED));

        assertThat(new String(encoded.data(), StandardCharsets.UTF_8)).contains("\"Hauptstraße 12\"");
    }
}
