package dev.orderflow.order.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.orderflow.order.application.IdempotencyKeys;

@Repository
class JdbcIdempotencyKeys implements IdempotencyKeys {

    private final JdbcClient jdbc;

    JdbcIdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Claim> claim(String customerId, String key, String fingerprint, UUID newOrderId) {
        int inserted = jdbc.sql("""
                        INSERT INTO idempotency_key (customer_id, key, fingerprint, order_id) VALUES (?, ?, ?, ?)
                        ON CONFLICT (customer_id, key) DO NOTHING""")
                .params(customerId, key, fingerprint, newOrderId)
                .update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("SELECT fingerprint, order_id FROM idempotency_key WHERE customer_id = ? AND key = ?")
                .params(customerId, key)
                .query((rs, rowNum) -> new Claim(rs.getString("fingerprint"), rs.getObject("order_id", UUID.class)))
                .single());
    }

    @Override
    public int forgetClaimedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM idempotency_key WHERE created_at < ?").param(Timestamp.from(cutoff)).update();
    }
}
