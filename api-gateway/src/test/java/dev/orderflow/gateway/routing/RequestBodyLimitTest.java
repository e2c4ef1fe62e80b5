package dev.orderflow.gateway.routing;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import dev.orderflow.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

import static dev.orderflow.gateway.support.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The gateway holds request bodies in memory (fallback, retry), so it caps them at 1 MB (application.yml). */
class RequestBodyLimitTest extends GatewayIntegrationTest {

    private static final int ONE_MB = 1024 * 1024;

    @Test
    void forwardsBodiesUpToTheLimitIntact() {
        String body = jsonOfLength(ONE_MB - 64);

        HttpResponse<String> response = gateway.send("POST", "/api/orders", body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(orderService.received().getFirst().body()).isEqualTo(body);
    }

    @Test
    void refusesADeclaredLengthPastTheLimit() {
        HttpResponse<String> response = gateway.send("POST", "/api/orders", jsonOfLength(2 * ONE_MB));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response, "$.status").toString()).isEqualTo("413");
        assertThat(response.headers().firstValue("Connection")).hasValue("close");
        assertThat(orderService.receivedCount()).isZero();
    }

    @Test
    void refusesAChunkedBodyOnceItPassesTheLimit() {
        byte[] body = jsonOfLength(2 * ONE_MB).getBytes();

        HttpResponse<String> response = gateway.sendBody("POST", "/api/orders",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertThat(response.statusCode()).isEqualTo(413);
        // The unread rest of the body would be taken for the next request on this connection.
        assertThat(response.headers().firstValue("Connection")).hasValue("close");
        assertThat(orderService.receivedCount()).isZero();
        assertThat(breakers.circuitBreaker("order-service").getMetrics().getNumberOfFailedCalls()).isZero();
    }

    private static String jsonOfLength(int length) {
        String prefix = "{\"note\":\"";
        return prefix + "x".repeat(length - prefix.length() - 2) + "\"}";
    }
}
