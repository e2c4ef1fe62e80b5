package dev.orderflow.stack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusTextTest {

    private static final PrometheusText SCRAPE = new PrometheusText("""
            # HELP orderflow_events_dead_lettered_total Records sent to a dead-letter topic
            # TYPE orderflow_events_dead_lettered_total counter
            orderflow_events_dead_lettered_total{topic="orders.events"} 2.0
            orderflow_events_dead_lettered_total{topic="deliveries.events"} 1.0
            orderflow_outbox_backlog_rows 7.0
            orderflow_outbox_backlog_rows_extra 100.0
            kafka_consumer_fetch_manager_records_lag_max{client_id="a b}c",topic="x"} NaN
            kafka_consumer_fetch_manager_records_lag_max{client_id="d"} 3.0 1732540000000
            kafka_consumer_fetch_manager_records_lag_max{client_id="e"} 5.0
            """);

    @Test
    void sumsTheSamplesOfOneMetricOverItsLabelsAndNoOther() {
        assertThat(SCRAPE.sum("orderflow_events_dead_lettered_total")).hasValue(3.0);
        assertThat(SCRAPE.sum("orderflow_outbox_backlog_rows")).hasValue(7.0);
    }

    @Test
    void takesTheLargestNumberIgnoringNotANumberAndTimestamps() {
        assertThat(SCRAPE.max("kafka_consumer_fetch_manager_records_lag_max")).hasValue(5.0);
    }

    @Test
    void aMetricThatIsNotExposedHasNoValue() {
        assertThat(SCRAPE.sum("orderflow_outbox_oldest_age_seconds")).isEmpty();
        assertThat(SCRAPE.max("orderflow_outbox")).isEmpty();
    }
}
