package dev.orderflow.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.orderflow.events.OrderCancelled;

/** A service with nothing but the messaging machinery and one handler that remembers what it handled. */
@SpringBootApplication
class MessagingTestApplication {

    /**
     * Remembers each event once its transaction has committed, with that transaction's id. A test can make it
     * wait before handling an event (so that the events behind it queue up), or fail on some.
     */
    static class RecordingHandler implements EventHandler<OrderCancelled> {

        record Committed(OrderCancelled event, long transactionId) {
        }

        final List<Committed> committed = new CopyOnWriteArrayList<>();
        private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
        private final Set<String> waiting = ConcurrentHashMap.newKeySet();
        private final Set<String> failingOnce = ConcurrentHashMap.newKeySet();
        private final Set<String> failingAlways = ConcurrentHashMap.newKeySet();
        private final JdbcClient jdbc;

        RecordingHandler(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        /** The event with this reason waits, inside its transaction, until the latch opens (at most 20 s). */
        void waitBefore(String reason, CountDownLatch gate) {
            gates.put(reason, gate);
        }

        /** The events handled in transactions that committed, in commit order. */
        List<OrderCancelled> handled() {
            return committed.stream().map(Committed::event).toList();
        }

        boolean isWaiting(String reason) {
            return waiting.contains(reason);
        }

        /** The event with this reason throws the first time it is handled. */
        void failOnce(String reason) {
            failingOnce.add(reason);
        }

        /** The event with this reason throws every time. */
        void failAlways(String reason) {
            failingAlways.add(reason);
        }

        @Override
        public Class<OrderCancelled> eventType() {
            return OrderCancelled.class;
        }

        @Override
        public void handle(OrderCancelled event) {
            awaitGate(event.reason());
            if (failingAlways.contains(event.reason()) || failingOnce.remove(event.reason())) {
                throw new IllegalStateException("handler failed on " + event.reason());
            }
            long transactionId = jdbc.sql("SELECT txid_current()").query(Long.class).single();
            AfterCommit.run(() -> committed.add(new Committed(event, transactionId)));
        }

        private void awaitGate(String reason) {
            CountDownLatch gate = gates.get(reason);
            if (gate == null) {
                return;
            }
            waiting.add(reason);
            try {
                gate.await(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waiting.remove(reason);
            }
        }
    }

    @Bean
    RecordingHandler recordingHandler(JdbcClient jdbc) {
        return new RecordingHandler(jdbc);
    }
}
