package dev.orderflow.gateway.routing;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import dev.orderflow.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

import static dev.orderflow.gateway.support.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway reads each request body whole before routing it ({@code RequestBodyBufferFilter}), and caps it at
 * 1 MB (application.yml).
 */
class RequestBodyBufferTest extends GatewayIntegrationTest {

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

    @Test
    void takesItsTimeWithASlowUploadWithoutChargingTheBackend() throws Exception {
        byte[] body = "{\"note\":\"sent in two parts\"}".getBytes(StandardCharsets.UTF_8);

        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.setSoTimeout(5000);
            OutputStream out = client.getOutputStream();
            out.write(("POST /api/orders HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: slow-upload\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, 0, 10);
            out.flush();
            // Longer than the time limiter (1.5 s): inside the breaker, the backend would be blamed for it.
            Thread.sleep(2000);
            out.write(body, 10, body.length - 10);
            out.flush();

            String statusLine = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.ISO_8859_1)).readLine();
            assertThat(statusLine).isEqualTo("HTTP/1.1 200 OK");
        }
        assertThat(orderService.received().getFirst().body()).isEqualTo(new String(body, StandardCharsets.UTF_8));
        assertThat(breakers.circuitBreaker("order-service").getMetrics().getNumberOfFailedCalls()).isZero();
    }

    private static String jsonOfLength(int length) {
        String prefix = "{\"note\":\"";
        return prefix + "x".repeat(length - prefix.length() - 2) + "\"}";
    }
}
