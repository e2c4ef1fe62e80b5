package dev.orderflow.stack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.orderflow.stack.Console.Tone;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints one line per saga outcome by reading the event contract off Kafka as any client may (the {@code ce_type}
 * header and the JSON payload, see common-events/README.md): an order confirmed, an order cancelled with its reason,
 * a delivery cancelled in turn. It reads from the end, without a consumer group, so it changes nothing.
 */
final class SagaLog implements Runnable {

    private static final List<String> TOPICS = List.of("orders.events", "deliveries.events");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaConsumer<String, String> consumer;
    private final Console console;

    SagaLog(int kafkaPort, Console console) {
        this.console = console;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + kafkaPort,
                ConsumerConfig.CLIENT_ID_CONFIG, "orderflow-stack-saga-log",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                for (PartitionInfo partition : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                    partitions.add(new TopicPartition(topic, partition.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    describe(record).ifPresent(line -> console.event("saga", line, Tone.SAGA));
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            console.event("saga", "saga log stopped: " + e.getMessage(), Tone.WARN);
        } finally {
            consumer.close(Duration.ofSeconds(1));
        }
    }

    void stop() {
        consumer.wakeup();
    }

    static Optional<String> describe(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader("ce_type");
        if (type == null || record.value() == null) {
            return Optional.empty();
        }
        JsonNode event;
        try {
            event = JSON.readTree(record.value());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        String order = "order " + shortId(event.path("orderId").asString(""));
        switch (new String(type.value(), StandardCharsets.UTF_8)) {
            case "OrderConfirmed":
                return Optional.of(order + " CONFIRMED, delivery " + shortId(event.path("deliveryId").asString(""))
                        + " scheduled");
            case "OrderCancelled":
                return Optional.of(order + " CANCELLED (" + event.path("reason").asString("no reason") + ")");
            case "DeliveryCancelled":
                return Optional.of(order + ": delivery " + shortId(event.path("deliveryId").asString(""))
                        + " CANCELLED in turn");
            default:
                return Optional.empty();
        }
    }

    private static String shortId(String uuid) {
        return uuid.length() > 8 ? uuid.substring(0, 8) : uuid;
    }
}
