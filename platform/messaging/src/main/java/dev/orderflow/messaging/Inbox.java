package dev.orderflow.messaging;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.orderflow.events.EventEnvelope;

/**
 * The idempotent consumer's memory: the ids of processed events, recorded in the same transaction as their
 * effect. Kafka delivers at least once; the inbox makes it "effectively once".
 */
class Inbox {

    private final JdbcClient jdbc;

    Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the event as processed. Returns false when it already was: a redelivery to acknowledge and skip.
     * A concurrent first delivery waits on the primary key until the other transaction ends.
     */
    boolean recordFirstDelivery(EventEnvelope event) {
        return jdbc.sql("""
                        INSERT INTO processed_event (event_id, event_type) VALUES (?, ?)
                        ON CONFLICT (event_id) DO NOTHING""")
                .params(event.eventId(), event.type().wireName())
                .update() == 1;
    }

    int purgeProcessedBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                        DELETE FROM processed_event WHERE event_id IN (
                            SELECT event_id FROM processed_event WHERE processed_at < ? LIMIT ?)""")
                .params(Timestamp.from(cutoff), limit)
                .update();
    }
}
