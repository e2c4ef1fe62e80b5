package dev.orderflow.order;

import static dev.orderflow.testinfra.ProblemAssertions.assertProblem;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orderflow.events.DeliveryFailed;
import dev.orderflow.events.DeliveryScheduled;
import dev.orderflow.events.Topics;
import dev.orderflow.testinfra.HttpTestClient;
import dev.orderflow.testinfra.PrometheusScrape;

/**
 * The saga's metrics on /actuator/prometheus move as orders go through it; health groups answer. The actuator is
 * served on the management port only, without a token; the API port serves none of it.
 */
class ObservabilityIT extends OrderServiceIntegrationTest {

    @Test
    void sagaMetricsCountOutcomesAndDurations() {
        PrometheusScrape before = scrape();

        UUID confirmed = placeOrder(uniqueCustomer());
        UUID compensated = placeOrder(uniqueCustomer());
        kafka().publish(new DeliveryScheduled(confirmed, UUID.randomUUID(), "courier-1", LocalDate.now().plusDays(1)));
        kafka().publish(new DeliveryFailed(compensated, UUID.randomUUID(), "ADDRESS_NOT_SERVICEABLE"));
        awaitStatus(confirmed, "CONFIRMED");
        awaitStatus(compensated, "CANCELLED");

        PrometheusScrape after = await().atMost(Duration.ofSeconds(10)).until(this::scrape,
                scrape -> increase(before, scrape, "orderflow_events_published_total", "type=\"OrderCancelled\"") >= 1);
        assertThat(increase(before, after, "orderflow_orders_placed_total")).isEqualTo(2);
        assertThat(increase(before, after, "orderflow_orders_confirmed_total")).isEqualTo(1);
        assertThat(increase(before, after, "orderflow_orders_cancelled_total", "reason=\"ADDRESS_NOT_SERVICEABLE\""))
                .isEqualTo(1);
        assertThat(increase(before, after, "orderflow_saga_duration_seconds_count", "outcome=\"confirmed\"")).isEqualTo(1);
        assertThat(increase(before, after, "orderflow_saga_duration_seconds_count", "outcome=\"cancelled\"")).isEqualTo(1);
        assertThat(after.has("orderflow_saga_duration_seconds_bucket")).isTrue();
        assertThat(increase(before, after, "orderflow_events_published_total", "type=\"OrderPlaced\"")).isEqualTo(2);
        assertThat(increase(before, after, "orderflow_events_consumed_total", "type=\"DeliveryFailed\"",
                "outcome=\"applied\"")).isEqualTo(1);
        assertThat(after.has("orderflow_outbox_backlog_rows")).isTrue();
        assertThat(after.has("orderflow_outbox_oldest_age_seconds")).isTrue();
        assertThat(after.has("kafka_consumer_fetch_manager_records_lag_max")).as("consumer lag").isTrue();
        assertThat(after.has("http_server_requests_seconds_count")).isTrue();
    }

    @Test
    void deadLetteredRecordsAreCounted() {
        PrometheusScrape before = scrape();

        kafka().publishRaw(Topics.DELIVERY_EVENTS, UUID.randomUUID().toString(), Map.of(), "garbage".getBytes(UTF_8));

        await().atMost(Duration.ofSeconds(20)).until(() -> increase(before, scrape(),
                "orderflow_events_dead_lettered_total", "topic=\"deliveries.events\"") == 1);
    }

    @Test
    void livenessAndReadinessGroupsAnswer() {
        HttpTestClient.Response liveness = management().get("/actuator/health/liveness");
        HttpTestClient.Response readiness = management().get("/actuator/health/readiness");

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().get("status").asString()).isEqualTo("UP");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("components").has("db")).as("readiness needs the database").isTrue();
        assertThat(liveness.json().has("components") && liveness.json().get("components").has("db"))
                .as("liveness never depends on other systems").isFalse();
    }

    @Test
    void theActuatorIsOnTheManagementPortWithoutATokenAndNotOnTheApiPort() {
        assertThat(management().get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(management().get("/actuator/info").status()).isEqualTo(200);
        assertThat(management().get("/actuator/metrics").status()).isEqualTo(200);

        assertProblem(http().get("/actuator/health"), 401);
        assertProblem(operator().get("/actuator/health"), 404);
        assertProblem(operator().get("/actuator/prometheus"), 404);
    }

    @Test
    void theManagementPortServesNothingButTheActuator() {
        assertProblem(management().get("/orders"), 404);
        assertProblem(management().get("/v3/api-docs"), 404);
    }

    private PrometheusScrape scrape() {
        return PrometheusScrape.of(management());
    }

    private static double increase(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
