package dev.orderflow.testinfra;

/** A running Kafka broker. */
public interface KafkaServer {

    String bootstrapServers();
}
