package dev.orderflow.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Whether a component serves: PostgreSQL answers a query, Kafka describes its cluster, a service's readiness
 * probe ({@code /actuator/health/readiness} on its management port) or Keycloak's ({@code /health/ready}) answers 200.
 */
final class HealthProbe {

    static final String READINESS = "/actuator/health/readiness";
    private static final String KEYCLOAK_READINESS = "/health/ready";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    boolean isHealthy(Component component, Ports ports) {
        switch (component) {
            case POSTGRES:
                return postgresAnswers(ports.postgres());
            case KAFKA:
                return kafkaAnswers(ports.kafka());
            case KEYCLOAK:
                return get(ports.managementOf(component), KEYCLOAK_READINESS).statusCode() == 200;
            default:
                return get(ports.managementOf(component), READINESS).statusCode() == 200;
        }
    }

    /** A GET on localhost; a connection failure is a response with status 0. */
    Response get(int port, String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(3)).GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Response(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(0, "interrupted");
        }
    }

    record Response(int statusCode, String body) {
    }

    private static boolean postgresAnswers(int port) {
        try (Connection connection = DatabaseSetup.connect(port, "postgres");
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean kafkaAnswers(int port) {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, 1000,
                AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, 1000);
        try (Admin admin = Admin.create(config)) {
            return admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size() > 0;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }
}
