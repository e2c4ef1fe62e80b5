package dev.orderflow.messaging;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The relay's queries on the outbox table. They run inside the relay's transaction. */
class OutboxStore {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    OutboxStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Only one relay at a time may publish a schema's outbox, or two instances could reorder an order's events.
     * The lock is released when the transaction ends, so a crashed instance never holds it.
     */
    boolean tryLeadership() {
        return jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox_relay'))")
                .query(Boolean.class)
                .single();
    }

    List<OutboxRow> nextUnsent(int limit) {
        return jdbc.sql("""
                        SELECT id, event_type, topic, message_key, headers::text AS headers, payload
                        FROM outbox_event WHERE sent_at IS NULL ORDER BY id LIMIT ?""")
                .param(limit)
                .query((rs, rowNum) -> new OutboxRow(rs.getLong("id"), rs.getString("event_type"), rs.getString("topic"),
                        rs.getString("message_key"), json.readValue(rs.getString("headers"), HEADERS),
                        rs.getString("payload")))
                .list();
    }

    void markSent(List<Long> ids, Instant sentAt) {
        jdbc.sql("UPDATE outbox_event SET sent_at = ? WHERE id = ANY(?)")
                .params(Timestamp.from(sentAt), ids.toArray(Long[]::new))
                .update();
    }

    int purgeSentBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                        DELETE FROM outbox_event WHERE id IN (
                            SELECT id FROM outbox_event WHERE sent_at < ? LIMIT ?)""")
                .params(Timestamp.from(cutoff), limit)
                .update();
    }

    /** Unsent rows and the age of the oldest, by the database's clock (the partial index makes it cheap). */
    MessagingMetrics.Backlog backlog() {
        return jdbc.sql("""
                        SELECT count(*) AS rows, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0) AS age
                        FROM outbox_event WHERE sent_at IS NULL""")
                .query((rs, rowNum) -> new MessagingMetrics.Backlog(rs.getLong("rows"),
                        Duration.ofMillis(Math.round(rs.getDouble("age") * 1000))))
                .single();
    }
}
