package dev.orderflow.audit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The auditor reads through the gateway as an operator: every request carries the operator's token. */
class ConsistencyAuditorTest {

    private static final Instant NOW = Instant.parse("2026-12-08T12:00:00Z");
    private static final String TOKEN = "operator-token";

    private final UUID orderId = UUID.randomUUID();
    private final UUID deliveryId = UUID.randomUUID();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer gateway;

    @BeforeEach
    void aGatewayThatAnswersOnlyTheOperatorsToken() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        gateway.createContext("/api/orders", exchange -> answer(exchange, """
                {"id":"%s","status":"CONFIRMED","cancellationReason":null,"deliveryId":"%s",\
                "createdAt":"2026-12-08T11:00:00Z","updatedAt":"2026-12-08T11:00:01Z"}"""
                .formatted(orderId, deliveryId)));
        gateway.createContext("/api/deliveries", exchange -> answer(exchange, """
                {"id":"%s","orderId":"%s","status":"SCHEDULED","updatedAt":"2026-12-08T11:00:01Z"}"""
                .formatted(deliveryId, orderId)));
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.stop(0);
    }

    @Test
    void readsEveryOrderAndDeliveryWithTheOperatorsToken() {
        AuditReport report = auditor(() -> TOKEN).audit();

        assertThat(report.total()).isEqualTo(1);
        assertThat(report.healthy()).isTrue();
        assertThat(authorizations).hasSize(2).containsOnly("Bearer " + TOKEN);
    }

    @Test
    void saysWhatTheGatewayAnsweredWhenItRefusesTheToken() {
        assertThatIllegalStateException().isThrownBy(() -> auditor(() -> "someone-else").audit())
                .withMessageContaining("GET /api/orders?size=200&page=0 answered 401");
    }

    private ConsistencyAuditor auditor(java.util.function.Supplier<String> token) {
        return new ConsistencyAuditor(URI.create("http://localhost:" + gateway.getAddress().getPort()), token,
                new ConsistencyRules(Duration.ofSeconds(60), Duration.ofSeconds(5)), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private void answer(HttpExchange exchange, String item) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(String.valueOf(authorization));
        boolean operator = ("Bearer " + TOKEN).equals(authorization);
        byte[] body = (operator ? "{\"items\":[" + item + "],\"page\":0,\"size\":200,\"totalItems\":1,\"totalPages\":1}"
                : "{\"status\":401,\"title\":\"Unauthorized\"}").getBytes(UTF_8);
        exchange.sendResponseHeaders(operator ? 200 : 401, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
