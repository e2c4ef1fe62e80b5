package dev.orderflow.events;

import static dev.orderflow.events.ContractFiles.HEADERS_SCHEMA;
import static dev.orderflow.events.ContractFiles.bytes;
import static dev.orderflow.events.ContractFiles.goldenResource;
import static dev.orderflow.events.ContractFiles.metaSchemaViolations;
import static dev.orderflow.events.ContractFiles.schemaResource;
import static dev.orderflow.events.ContractFiles.tree;
import static dev.orderflow.events.ContractFiles.violations;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.StringNode;

/**
 * Per event type, the JSON Schema, the golden payload and the codec agree. A field renamed, retyped or dropped
 * in a record changes what the codec writes and fails here before any consumer sees it.
 */
class EventContractTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void everyEventTypeHasASchemaAndAGoldenPayloadForEveryVersionConsumersAccept() {
        List<String> missing = Arrays.stream(EventType.values())
                .flatMap(type -> IntStream.rangeClosed(1, type.schemaVersion()).boxed()
                        .flatMap(version -> Stream.of(schemaResource(type, version), goldenResource(type, version))))
                .filter(resource -> !ContractFiles.exists(resource))
                .toList();

        assertThat(missing).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaIsAValidDraft202012Schema(EventType type) {
        JsonNode schema = tree(type.schemaResource());

        assertThat(schema.get("$schema")).isEqualTo(StringNode.valueOf("https://json-schema.org/draft/2020-12/schema"));
        assertThat(metaSchemaViolations(schema)).isEmpty();
    }

    @Test
    void metaSchemaCheckCatchesAMalformedSchema() {
        JsonNode malformed = ContractFiles.JSON.readTree("""
                {"type": "strnig", "required": "orderId", "minLength": -1}""");

        assertThat(metaSchemaViolations(malformed)).isNotEmpty();
    }

    @Test
    void headersSchemaIsAValidDraft202012SchemaThatToleratesOtherHeaders() {
        JsonNode schema = tree(HEADERS_SCHEMA);

        assertThat(metaSchemaViolations(schema)).isEmpty();
        assertThat(schema.get("$id")).isEqualTo(StringNode.valueOf("https://orderflow.dev" + HEADERS_SCHEMA));
        assertThat(schema.get("additionalProperties")).isEqualTo(BooleanNode.TRUE);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaNamesItsTypeAndVersionAndToleratesFieldsAddedLater(EventType type) {
        JsonNode schema = tree(type.schemaResource());

        assertThat(schema.get("$id")).isEqualTo(StringNode.valueOf("https://orderflow.dev" + type.schemaResource()));
        assertThat(schema.get("title")).isEqualTo(StringNode.valueOf(type.wireName() + " v" + type.schemaVersion()));
        assertThat(schema.get("description").asString())
                .contains(type.topic(), "ce_type " + type.wireName(), "consumers must ignore fields they do not know");
        assertThat(schema.get("additionalProperties")).isEqualTo(BooleanNode.TRUE);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaDescribesEveryFieldOfThePayloadRecord(EventType type) {
        JsonNode schema = tree(type.schemaResource());

        assertThat(SchemaShape.mismatches(schema, type.payloadType())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void goldenPayloadConformsToTheSchema(EventType type) {
        assertThat(violations(type.schemaResource(), tree(goldenResource(type, type.schemaVersion())))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void decodingTheGoldenPayloadGivesTheSampleEvent(EventType type) {
        EventEnvelope decoded = codec.decode(headersOfTheSample(type, type.schemaVersion()),
                bytes(goldenResource(type, type.schemaVersion())));

        assertThat(decoded.payload()).isEqualTo(SampleEvents.payload(type));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void encodingTheSampleEventGivesTheGoldenPayload(EventType type) {
        EncodedEvent encoded = codec.encode(SampleEvents.envelope(type));

        assertThat(tree(encoded.data())).isEqualTo(tree(goldenResource(type, type.schemaVersion())));
    }

    static Stream<Arguments> everyVersionConsumersAccept() {
        return Arrays.stream(EventType.values())
                .flatMap(type -> IntStream.rangeClosed(1, type.schemaVersion()).mapToObj(v -> Arguments.of(type, v)));
    }

    /** Consumers read every version up to the current one, so old golden payloads must keep decoding. */
    @ParameterizedTest(name = "{0} v{1}")
    @MethodSource("everyVersionConsumersAccept")
    void goldenPayloadOfEveryAcceptedVersionStillConformsAndDecodes(EventType type, int version) {
        byte[] golden = bytes(goldenResource(type, version));

        assertThat(violations(schemaResource(type, version), tree(golden))).isEmpty();
        assertThat(codec.decode(headersOfTheSample(type, version), golden).schemaVersion()).isEqualTo(version);
    }

    private Map<String, String> headersOfTheSample(EventType type, int version) {
        Map<String, String> headers = new HashMap<>(codec.encode(SampleEvents.envelope(type)).headers());
        headers.put(CloudEventHeaders.SCHEMA_VERSION, Integer.toString(version));
        return headers;
    }
}
