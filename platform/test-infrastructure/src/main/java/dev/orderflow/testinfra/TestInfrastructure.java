package dev.orderflow.testinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real PostgreSQL and Kafka servers of a test JVM, started once on first use and shared by every test
 * (see {@link InfrastructureMode} for how they are chosen). Service tests register them with
 * {@link #register(DynamicPropertyRegistry, ServiceDatabase)}.
 */
public final class TestInfrastructure {

    private static final String SCHEMAS_SCRIPT = "/orderflow/database/service-schemas.sql";

    private static PostgresServer postgres;
    private static KafkaServer kafka;

    private TestInfrastructure() {
    }

    /** PostgreSQL with the service schemas and roles created as in production. */
    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            PostgresServer server = switch (InfrastructureMode.current()) {
                case CONTAINERS -> ContainerServers.postgres();
                case EMBEDDED -> EmbeddedPostgresServer.start();
                case EXTERNAL -> ExternalServers.postgres();
            };
            runAsAdmin(server, schemasScript());
            postgres = server;
        }
        return postgres;
    }

    public static synchronized KafkaServer kafka() {
        if (kafka == null) {
            kafka = switch (InfrastructureMode.current()) {
                case CONTAINERS -> ContainerServers.kafka();
                case EMBEDDED -> EmbeddedKafkaServer.start();
                case EXTERNAL -> ExternalServers.kafka();
            };
        }
        return kafka;
    }

    /** Points a service's datasource (as its own role) and Kafka client at the shared servers. */
    public static void register(DynamicPropertyRegistry registry, ServiceDatabase database) {
        registry.add("spring.datasource.url", () -> jdbcUrl(database));
        registry.add("spring.datasource.username", database::role);
        registry.add("spring.datasource.password", database::password);
        registry.add("spring.kafka.bootstrap-servers", () -> kafka().bootstrapServers());
    }

    /** A connection as the given role, for tests that look into the database directly. */
    public static Connection connect(ServiceDatabase database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), database.role(), database.password());
    }

    /** The shared database's URL with the service's schema as the connection's current schema. */
    public static String jdbcUrl(ServiceDatabase database) {
        String url = postgres().jdbcUrl();
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + database.schema();
    }

    private static void runAsAdmin(PostgresServer server, String sql) {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.adminUser(),
                server.adminPassword()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the service schemas", e);
        }
    }

    private static String schemasScript() {
        try (InputStream in = TestInfrastructure.class.getResourceAsStream(SCHEMAS_SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMAS_SCRIPT + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
