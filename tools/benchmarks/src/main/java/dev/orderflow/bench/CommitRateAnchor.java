package dev.orderflow.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the hardware allows: pgbench-style, against the same PostgreSQL server, the transaction one saga step
 * costs (record the processed event id, insert or update the aggregate, add an outbox row, commit), at
 * several client counts. The best rate is the anchor the services' throughput is compared with.
 */
public final class CommitRateAnchor {

    public record Point(int clients, double transactionsPerSecond) {
    }

    private final String jdbcUrl;
    private final String user;
    private final String password;

    /** The user must be allowed to create the scratch schema {@code bench} (the local stack's superuser). */
    public CommitRateAnchor(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    public List<Point> measure(List<Integer> clientCounts, Duration each) throws Exception {
        createScratchSchema();
        try {
            List<Point> points = new ArrayList<>();
            for (int clients : clientCounts) {
                points.add(new Point(clients, run(clients, each)));
            }
            return points;
        } finally {
            dropScratchSchema();
        }
    }

    private double run(int clients, Duration duration) throws Exception {
        AtomicLong committed = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                workers.add(threads.submit(() -> {
                    try (Connection connection = connect()) {
                        connection.setAutoCommit(false);
                        try (PreparedStatement inbox = connection.prepareStatement(
                                "INSERT INTO bench.processed_event (event_id, event_type) VALUES (?, 'OrderPlaced')");
                             PreparedStatement aggregate = connection.prepareStatement("""
                                     INSERT INTO bench.aggregate (id, status, version, updated_at) VALUES (?, 'PENDING', 0, now())
                                     ON CONFLICT (id) DO UPDATE SET status = 'CONFIRMED', version = bench.aggregate.version + 1,
                                     updated_at = now()""");
                             PreparedStatement outbox = connection.prepareStatement("""
                                     INSERT INTO bench.outbox_event (event_id, topic, message_key, headers, payload)
                                     VALUES (?, 'orders.events', ?, '{"ce_type":"OrderConfirmed"}'::jsonb, ?)""")) {
                            while (System.nanoTime() < end) {
                                UUID id = UUID.randomUUID();
                                inbox.setObject(1, UUID.randomUUID());
                                inbox.executeUpdate();
                                aggregate.setObject(1, id);
                                aggregate.executeUpdate();
                                outbox.setObject(1, UUID.randomUUID());
                                outbox.setString(2, id.toString());
                                outbox.setString(3, "{\"orderId\":\"" + id + "\",\"deliveryId\":\"" + id + "\"}");
                                outbox.executeUpdate();
                                connection.commit();
                                committed.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        return committed.get() / ((System.nanoTime() - start) / 1e9);
    }

    private void createScratchSchema() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS bench CASCADE");
            statement.execute("CREATE SCHEMA bench");
            statement.execute("""
                    CREATE TABLE bench.processed_event (event_id UUID PRIMARY KEY, event_type TEXT NOT NULL,
                        processed_at TIMESTAMPTZ NOT NULL DEFAULT now())""");
            statement.execute("""
                    CREATE TABLE bench.aggregate (id UUID PRIMARY KEY, status TEXT NOT NULL, version BIGINT NOT NULL,
                        updated_at TIMESTAMPTZ NOT NULL)""");
            statement.execute("""
                    CREATE TABLE bench.outbox_event (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                        event_id UUID NOT NULL UNIQUE, topic TEXT NOT NULL, message_key TEXT NOT NULL,
                        headers JSONB NOT NULL, payload TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
                        sent_at TIMESTAMPTZ)""");
            statement.execute("CREATE INDEX ON bench.outbox_event (id) WHERE sent_at IS NULL");
        }
    }

    private void dropScratchSchema() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS bench CASCADE");
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }
}
