package dev.orderflow.messaging;

import java.util.Map;

/** An unsent outbox row, ready to become a Kafka record. */
record OutboxRow(long id, String eventType, String topic, String key, Map<String, String> headers, String payload) {
}
