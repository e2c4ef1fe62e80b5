package dev.orderflow.testinfra;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL and Kafka in Docker containers, with the same images docker compose runs. */
final class ContainerServers {

    static final String POSTGRES_IMAGE = "postgres:17.6-alpine";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

    private ContainerServers() {
    }

    static PostgresServer postgres() {
        PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE)
                .withCommand("postgres", "-c", "max_connections=300", "-c", "fsync=off");
        container.start();
        return new FixedPostgresServer(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    static KafkaServer kafka() {
        KafkaContainer container = new KafkaContainer(KAFKA_IMAGE)
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        container.start();
        return container::getBootstrapServers;
    }
}
