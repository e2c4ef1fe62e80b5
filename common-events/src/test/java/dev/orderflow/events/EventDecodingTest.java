package dev.orderflow.events;

import static dev.orderflow.events.EventType.DELIVERY_FAILED;
import static dev.orderflow.events.EventType.ORDER_PLACED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

/**
 * A record the consumer can never process fails with {@link EventDecodingException}, so that it is dead-lettered
 * instead of retried; a record from a newer producer that only adds fields is read as before.
 */
class EventDecodingTest {

    private final EventCodec codec = new EventCodec();
    private final EncodedEvent orderPlaced = codec.encode(SampleEvents.envelope(ORDER_PLACED));

    @Test
    void rejectsARecordWithoutType() {
        assertRejected(headersWith("ce_type", null), orderPlaced.data()).hasMessageContaining("ce_type");
    }

    @Test
    void rejectsAnUnknownType() {
        assertRejected(headersWith("ce_type", "OrderShipped"), orderPlaced.data()).hasMessageContaining("OrderShipped");
    }

    @Test
    void rejectsARecordWithoutId() {
        assertRejected(headersWith("ce_id", null), orderPlaced.data()).hasMessageContaining("ce_id");
    }

    @Test
    void rejectsAnIdThatIsNotAUuid() {
        assertRejected(headersWith("ce_id", "order-42-placed"), orderPlaced.data()).hasMessageContaining("ce_id");
    }

    @Test
    void rejectsARecordWithoutTime() {
        assertRejected(headersWith("ce_time", null), orderPlaced.data()).hasMessageContaining("ce_time");
    }

    @Test
    void rejectsATimeThatIsNotRfc3339() {
        assertRejected(headersWith("ce_time", "02.06.2025 09:30"), orderPlaced.data()).hasMessageContaining("ce_time");
    }

    @Test
    void rejectsARecordWithoutSchemaVersion() {
        assertRejected(headersWith("ce_schemaversion", null), orderPlaced.data())
                .hasMessageContaining("ce_schemaversion");
    }

    @Test
    void rejectsASchemaVersionNewerThanItKnows() {
        assertRejected(headersWith("ce_schemaversion", "2"), orderPlaced.data()).hasMessageContaining("v2");
    }

    @Test
    void rejectsSchemaVersionZero() {
        assertRejected(headersWith("ce_schemaversion", "0"), orderPlaced.data()).hasMessageContaining("v0");
    }

    @Test
    void rejectsASchemaVersionThatIsNotANumber() {
        assertRejected(headersWith("ce_schemaversion", "v1"), orderPlaced.data())
                .hasMessageContaining("ce_schemaversion");
    }

    @Test
    void rejectsARecordWithoutValue() {
        assertRejected(orderPlaced.headers(), null).hasMessageContaining("without a payload");
    }

    @Test
    void rejectsAnEmptyValue() {
        assertRejected(orderPlaced.headers(), new byte[0]);
    }

    @Test
    void rejectsAValueThatIsNotJson() {
        assertRejected(orderPlaced.headers(), utf8("<order id=\"42\"/>"));
    }

    @Test
    void rejectsAValueWithTrailingContent() {
        assertRejected(orderPlaced.headers(), utf8(new String(orderPlaced.data(), StandardCharsets.UTF_8) + " {}"));
    }

    @Test
    void rejectsAPayloadOfAnotherType() {
        Map<String, String> deliveryFailedHeaders = codec.encode(SampleEvents.envelope(DELIVERY_FAILED)).headers();

        assertRejected(deliveryFailedHeaders, orderPlaced.data()).hasMessageContaining("DeliveryFailed");
    }

    @Test
    void rejectsAPayloadWithoutARequiredField() {
        ObjectNode payload = orderPlacedPayload();
        payload.remove("customerId");

        assertRejected(orderPlaced.headers(), json(payload)).hasMessageContaining("customerId");
    }

    @Test
    void rejectsAPayloadWithABlankText() {
        ObjectNode payload = orderPlacedPayload();
        object(payload, "/deliveryAddress").put("city", "  ");

        assertRejected(orderPlaced.headers(), json(payload)).hasMessageContaining("city");
    }

    @Test
    void rejectsAPayloadWhoseOrderIdIsNotAUuid() {
        ObjectNode payload = orderPlacedPayload();
        payload.put("orderId", "42");

        assertRejected(orderPlaced.headers(), json(payload));
    }

    @Test
    void rejectsAnItemWithQuantityZero() {
        ObjectNode payload = orderPlacedPayload();
        object(payload, "/items/0").put("quantity", 0);

        assertRejected(orderPlaced.headers(), json(payload)).hasMessageContaining("quantity");
    }

    @Test
    void rejectsAnOrderWithoutItems() {
        ObjectNode payload = orderPlacedPayload();
        payload.putArray("items");

        assertRejected(orderPlaced.headers(), json(payload)).hasMessageContaining("items");
    }

    @Test
    void rejectsTheJsonLiteralNull() {
        assertRejected(orderPlaced.headers(), utf8("null"));
    }

    @Test
    void rejectsAFractionalQuantityInsteadOfTruncatingIt() {
        ObjectNode payload = orderPlacedPayload();
        object(payload, "/items/0").put("quantity", 2.7);

        assertRejected(orderPlaced.headers(), json(payload));
    }

    @Test
    void acceptsAPayloadWithFieldsItDoesNotKnow() {
        ObjectNode payload = orderPlacedPayload();
        payload.put("loyaltyTier", "GOLD");
        object(payload, "/items/0").put("giftWrapped", true);
        object(payload, "/deliveryAddress").putObject("geo").put("lat", 52.53).put("lon", 13.38);

        EventEnvelope decoded = codec.decode(orderPlaced.headers(), json(payload));

        assertThat(decoded).isEqualTo(SampleEvents.envelope(ORDER_PLACED));
    }

    @Test
    void acceptsHeadersItDoesNotKnow() {
        Map<String, String> headers = headersWith("ce_dataschema",
                "https://orderflow.dev/schemas/OrderPlaced.v1.schema.json");
        headers.put("b3", "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1");

        assertThat(codec.decode(headers, orderPlaced.data())).isEqualTo(SampleEvents.envelope(ORDER_PLACED));
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(Map<String, String> headers, byte[] data) {
        return assertThatThrownBy(() -> codec.decode(headers, data)).isInstanceOf(EventDecodingException.class);
    }

    /** The sample OrderPlaced headers with one header set, or removed when {@code value} is null. */
    private Map<String, String> headersWith(String name, String value) {
        Map<String, String> headers = new HashMap<>(orderPlaced.headers());
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return headers;
    }

    private ObjectNode orderPlacedPayload() {
        return (ObjectNode) ContractFiles.tree(orderPlaced.data());
    }

    private static ObjectNode object(ObjectNode payload, String pointer) {
        return (ObjectNode) payload.at(pointer);
    }

    private static byte[] json(ObjectNode payload) {
        return ContractFiles.JSON.writeValueAsBytes(payload);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
