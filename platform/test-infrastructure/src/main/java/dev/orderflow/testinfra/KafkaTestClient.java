package dev.orderflow.testinfra;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.orderflow.events.DomainEvent;
import dev.orderflow.events.EncodedEvent;
import dev.orderflow.events.EventCodec;
import dev.orderflow.events.EventEnvelope;

/**
 * Plays the other service in a service's tests: publishes contract events (or any bytes) to Kafka and
 * records everything that appears on the watched topics, from their beginning.
 */
public final class KafkaTestClient implements AutoCloseable {

    /** A record as it was read from Kafka, headers decoded as UTF-8. */
    public record Received(String topic, String key, Map<String, String> headers, byte[] value) {

        public String valueAsString() {
            return value == null ? null : new String(value, UTF_8);
        }
    }

    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    public KafkaTestClient(String bootstrapServers, List<String> watchedTopics) {
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer = new KafkaProducer<>(producerConfig);

        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "test-observer-" + UUID.randomUUID());
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer = new KafkaConsumer<>(consumerConfig);
        consumer.subscribe(watchedTopics);
        poller = Thread.ofPlatform().name("kafka-test-client").daemon().start(this::poll);
    }

    public static KafkaTestClient watching(String... topics) {
        return new KafkaTestClient(TestInfrastructure.kafka().bootstrapServers(), List.of(topics));
    }

    /** Publishes the event as its producing service would, with a fresh envelope. */
    public EventEnvelope publish(DomainEvent event) {
        EventEnvelope envelope = EventEnvelope.of(event, Instant.now(), "test-" + UUID.randomUUID(), null);
        publish(envelope);
        return envelope;
    }

    public void publish(EventEnvelope envelope) {
        EncodedEvent encoded = codec.encode(envelope);
        publishRaw(encoded.topic(), encoded.key(), encoded.headers(), encoded.data());
    }

    /** Sends anything at all, including records no consumer can understand. */
    public void publishRaw(String topic, String key, Map<String, String> headers, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, headerValue) -> record.headers().add(new RecordHeader(name, headerValue.getBytes(UTF_8))));
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** Every record seen so far on the topic. */
    public List<Received> records(String topic) {
        return received.stream().filter(record -> record.topic().equals(topic)).toList();
    }

    /** The decodable events seen so far on the topic for one order, in the order they were published. */
    public List<EventEnvelope> events(String topic, UUID orderId) {
        return records(topic).stream()
                .filter(record -> orderId.toString().equals(record.key()))
                .map(record -> codec.decode(record.headers(), record.value()))
                .toList();
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    Map<String, String> headers = new HashMap<>();
                    for (Header header : record.headers()) {
                        headers.put(header.key(), header.value() == null ? null : new String(header.value(), UTF_8));
                    }
                    received.add(new Received(record.topic(), record.key(), headers, record.value()));
                }
            }
        } catch (WakeupException closing) {
            // close() woke the poller
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            poller.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
    }
}
