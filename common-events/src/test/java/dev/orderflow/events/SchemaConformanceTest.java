package dev.orderflow.events;

import static dev.orderflow.events.ContractFiles.HEADERS_SCHEMA;
import static dev.orderflow.events.ContractFiles.JSON;
import static dev.orderflow.events.ContractFiles.tree;
import static dev.orderflow.events.ContractFiles.violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The producer can never emit what a schema rejects: whatever the codec writes conforms to its schemas. */
class SchemaConformanceTest {

    private static final long SEED = 20250602L;
    private static final int ARBITRARY_EVENTS_PER_TYPE = 25;

    private final EventCodec codec = new EventCodec();

    static Stream<Named<EventEnvelope>> writtenEvents() {
        ArbitraryEvents arbitrary = new ArbitraryEvents(SEED);
        Stream<Named<EventEnvelope>> samples = Arrays.stream(EventType.values())
                .map(type -> Named.of(type.wireName() + " sample", SampleEvents.envelope(type)));
        Stream<Named<EventEnvelope>> arbitraries = Arrays.stream(EventType.values())
                .flatMap(type -> IntStream.rangeClosed(1, ARBITRARY_EVENTS_PER_TYPE)
                        .mapToObj(i -> Named.of(type.wireName() + " arbitrary #" + i, arbitrary.envelope(type))));
        return Stream.concat(samples, arbitraries);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writtenEvents")
    void everyPayloadTheCodecWritesConformsToItsTypesSchema(EventEnvelope envelope) {
        EncodedEvent encoded = codec.encode(envelope);

        assertThat(violations(envelope.type().schemaResource(), tree(encoded.data()))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writtenEvents")
    void everyHeaderSetTheCodecWritesConformsToTheHeadersSchema(EventEnvelope envelope) {
        EncodedEvent encoded = codec.encode(envelope);

        assertThat(violations(HEADERS_SCHEMA, JSON.valueToTree(encoded.headers()))).isEmpty();
    }

    @Test
    void recordRefusesACountryTheSchemaRejects() {
        assertThatThrownBy(() -> new OrderPlaced.DeliveryAddress("Hauptstraße 12", "Berlin", "10115", "Germany"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
