package dev.orderflow.testinfra;

/**
 * Servers that already run somewhere, named by environment variables: {@code ORDERFLOW_TEST_POSTGRES_URL},
 * {@code ORDERFLOW_TEST_POSTGRES_USER}, {@code ORDERFLOW_TEST_POSTGRES_PASSWORD} (a superuser, to create the
 * service schemas and roles) and {@code ORDERFLOW_TEST_KAFKA_BOOTSTRAP_SERVERS}.
 */
final class ExternalServers {

    private ExternalServers() {
    }

    static PostgresServer postgres() {
        String url = Settings.require("ORDERFLOW_TEST_POSTGRES_URL");
        String user = Settings.require("ORDERFLOW_TEST_POSTGRES_USER");
        String password = Settings.require("ORDERFLOW_TEST_POSTGRES_PASSWORD");
        return new FixedPostgresServer(url, user, password);
    }

    static KafkaServer kafka() {
        String bootstrapServers = Settings.require("ORDERFLOW_TEST_KAFKA_BOOTSTRAP_SERVERS");
        return () -> bootstrapServers;
    }
}
