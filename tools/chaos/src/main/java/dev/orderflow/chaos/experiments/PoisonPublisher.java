package dev.orderflow.chaos.experiments;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes {@link PoisonRecipes.Poison}s exactly as given, and waits until Kafka has them. */
public final class PoisonPublisher {

    private PoisonPublisher() {
    }

    public static void publish(String bootstrap, List<PoisonRecipes.Poison> poisons) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_000_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (PoisonRecipes.Poison poison : poisons) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(poison.topic(), poison.key(), poison.value());
                poison.headers().forEach((name, value) -> record.headers().add(new RecordHeader(name, value.getBytes(UTF_8))));
                producer.send(record).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish poison records: " + e.getCause(), e);
        }
    }
}
