package dev.orderflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;

import dev.orderflow.events.OrderCancelled;
import dev.orderflow.testinfra.ServiceDatabase;
import dev.orderflow.testinfra.TestInfrastructure;

/**
 * One trace from the HTTP request through the outbox and Kafka to the consumer's processing, asserted on the
 * spans the OpenTelemetry SDK recorded: the relay must not break the trace.
 */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.application.name=tracing-test",
                "spring.kafka.consumer.group-id=tracing-test",
                "spring.flyway.schemas=orders",
                "spring.flyway.default-schema=orders",
                "spring.flyway.create-schemas=false",
                "spring.flyway.locations=classpath:db/messaging",
                "orderflow.messaging.partitions=3",
                "management.tracing.sampling.probability=1.0",
                "management.opentelemetry.tracing.export.schedule-delay=50ms"})
@Import(TracingIT.TracedEndpoint.class)
class TracingIT {

    @LocalServerPort
    int port;

    @Autowired
    InMemorySpanExporter spans;

    @Autowired
    MessagingTestApplication.RecordingHandler handler;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, ServiceDatabase.ORDERS);
    }

    @TestConfiguration
    static class TracedEndpoint {

        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }

        @Bean
        CancelController cancelController(Outbox outbox) {
            return new CancelController(outbox);
        }
    }

    @RestController
    static class CancelController {

        private final Outbox outbox;

        CancelController(Outbox outbox) {
            this.outbox = outbox;
        }

        @PostMapping("/orders/{id}/cancel")
        @Transactional
        public void cancel(@PathVariable UUID id) {
            outbox.add(new OrderCancelled(id, "TRACED"));
        }
    }

    @Test
    void httpRequestRelayPublishAndConsumerShareOneTrace() throws Exception {
        UUID orderId = UUID.randomUUID();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/orders/" + orderId + "/cancel"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> handler.handled().contains(new OrderCancelled(orderId, "TRACED")));
        SpanData request = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == SpanKind.SERVER && span.getName().contains("cancel"))
                .findFirst().orElse(null), span -> span != null);

        String traceId = request.getTraceId();
        List<SpanData> trace = await().atMost(Duration.ofSeconds(10)).until(() -> spansOf(traceId),
                found -> kinds(found).containsAll(Set.of(SpanKind.SERVER, SpanKind.PRODUCER, SpanKind.CONSUMER)));
        assertThat(trace).extracting(SpanData::getName).anyMatch(name -> name.startsWith("outbox relay OrderCancelled"));
        assertThat(trace).filteredOn(span -> span.getKind() == SpanKind.CONSUMER).isNotEmpty()
                .allSatisfy(span -> assertThat(span.getTraceId()).isEqualTo(traceId));
    }

    private List<SpanData> spansOf(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    private static Set<SpanKind> kinds(List<SpanData> spans) {
        return spans.stream().map(SpanData::getKind).collect(Collectors.toSet());
    }
}
