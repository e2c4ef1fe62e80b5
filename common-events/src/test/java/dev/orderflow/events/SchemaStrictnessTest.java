package dev.orderflow.events;

import static dev.orderflow.events.ContractFiles.HEADERS_SCHEMA;
import static dev.orderflow.events.ContractFiles.goldenResource;
import static dev.orderflow.events.ContractFiles.tree;
import static dev.orderflow.events.ContractFiles.violations;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.node.ObjectNode;

/**
 * The schemas tell a producer in another language what our consumers would reject, before it publishes:
 * a golden payload or the sample headers with one thing broken no longer conform.
 */
class SchemaStrictnessTest {

    @ParameterizedTest(name = "{0}: {1} = {2}")
    @CsvSource(delimiter = '|', nullValues = "<removed>", textBlock = """
            ORDER_PLACED       | /orderId                   | <removed>
            ORDER_PLACED       | /orderId                   | "42"
            ORDER_PLACED       | /customerId                | ""
            ORDER_PLACED       | /customerId                | "   "
            ORDER_PLACED       | /customerId                | 4711
            ORDER_PLACED       | /items                     | []
            ORDER_PLACED       | /items/0/quantity          | 0
            ORDER_PLACED       | /items/0/quantity          | 1.5
            ORDER_PLACED       | /items/0/unitPrice         | "8.95"
            ORDER_PLACED       | /items/0/productId         | <removed>
            ORDER_PLACED       | /totalAmount               | "21.39"
            ORDER_PLACED       | /deliveryAddress/country   | "de"
            ORDER_PLACED       | /deliveryAddress/country   | "DEU"
            ORDER_PLACED       | /deliveryAddress/city      | <removed>
            ORDER_CONFIRMED    | /deliveryId                | <removed>
            ORDER_CANCELLED    | /reason                    | ""
            DELIVERY_SCHEDULED | /estimatedDeliveryDate     | "05.06.2025"
            DELIVERY_SCHEDULED | /estimatedDeliveryDate     | "2025-06-05T10:00:00Z"
            DELIVERY_SCHEDULED | /courier                   | null
            DELIVERY_FAILED    | /reason                    | <removed>
            DELIVERY_CANCELLED | /deliveryId                | "not-a-uuid"
            """)
    void schemaRejectsTheGoldenPayloadWithOneFieldBroken(EventType type, String pointer, String jsonValue) {
        ObjectNode payload = (ObjectNode) tree(goldenResource(type, type.schemaVersion()));
        int split = pointer.lastIndexOf('/');
        ObjectNode parent = (ObjectNode) payload.at(pointer.substring(0, split));
        String field = pointer.substring(split + 1);
        if (jsonValue == null) {
            parent.remove(field);
        } else {
            parent.set(field, ContractFiles.JSON.readTree(jsonValue));
        }

        assertThat(violations(type.schemaResource(), payload))
                .anySatisfy(violation -> assertThat(violation).contains(field));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(nullValues = "<removed>", textBlock = """
            ce_specversion,   <removed>
            ce_specversion,   0.3
            ce_id,            <removed>
            ce_id,            order-42-placed
            ce_source,        /billing-service
            ce_type,          <removed>
            ce_time,          02.06.2025 09:30
            ce_subject,       42
            ce_schemaversion, v1
            ce_schemaversion, 0
            content-type,     application/xml
            """)
    void headersSchemaRejectsTheSampleHeadersWithOneBroken(String header, String value) {
        Map<String, String> headers = new HashMap<>(
                new EventCodec().encode(SampleEvents.envelope(EventType.ORDER_PLACED)).headers());
        if (value == null) {
            headers.remove(header);
        } else {
            headers.put(header, value);
        }

        assertThat(violations(HEADERS_SCHEMA, ContractFiles.JSON.valueToTree(headers)))
                .anySatisfy(violation -> assertThat(violation).contains(header));
    }
}
