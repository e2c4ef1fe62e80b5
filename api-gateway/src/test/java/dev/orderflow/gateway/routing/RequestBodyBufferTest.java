package dev.orderflow.gateway.routing;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
    void aClientStillSendingItsBodyWhenRefusedReadsThe413() throws Exception {
        byte[] body = jsonOfLength(2 * ONE_MB).getBytes(StandardCharsets.UTF_8);
        int firstPart = 64 * 1024;

        try (Socket client = startPost(body.length)) {
            OutputStream out = client.getOutputStream();
            out.write(body, 0, firstPart);
            out.flush();
            // Time enough for a gateway that answers at once to close the connection: the rest would then arrive
            // at a closed socket, which resets the connection, and the answer would be lost with it.
            Thread.sleep(500);
            out.write(body, firstPart, body.length - firstPart);
            out.flush();

            List<String> response = responseOf(client);
            assertThat(response.getFirst()).startsWith("HTTP/1.1 413");
            assertThat(response.getLast()).contains("\"status\":413");
        }
        assertThat(orderService.receivedCount()).isZero();
    }

    @Test
    void refusesADeclaredLengthFarPastTheLimitWithoutReadingIt() throws Exception {
        try (Socket client = startPost(10 * ONE_MB)) {
            long started = System.nanoTime();

            List<String> response = responseOf(client);

            assertThat(response.getFirst()).startsWith("HTTP/1.1 413");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void tellsAClientWaitingFor100ContinueAtOnceThatItsBodyIsTooLarge() throws Exception {
        try (Socket client = startPost(ONE_MB + ONE_MB / 2, "Expect: 100-continue\r\n")) {
            List<String> response = responseOf(client);

            assertThat(response.getFirst()).startsWith("HTTP/1.1 413");
            assertThat(response).noneMatch(line -> line.contains("100 Continue"));
        }
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

        try (Socket client = startPost(body.length)) {
            OutputStream out = client.getOutputStream();
            out.write(body, 0, 10);
            out.flush();
            // Longer than the time limiter (1.5 s), shorter than the body timeout (3 s in the test profile):
            // inside the breaker, the backend would be blamed for it.
            Thread.sleep(2000);
            out.write(body, 10, body.length - 10);
            out.flush();

            assertThat(responseOf(client).getFirst()).isEqualTo("HTTP/1.1 200 OK");
        }
        assertThat(orderService.received().getFirst().body()).isEqualTo(new String(body, StandardCharsets.UTF_8));
        assertThat(breakers.circuitBreaker("order-service").getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void givesUpOnABodyThatNeverFinishesAndClosesTheConnection() throws Exception {
        try (Socket client = startPost(100)) {
            client.getOutputStream().write("{\"note\":".getBytes(StandardCharsets.UTF_8));
            client.getOutputStream().flush();
            long started = System.nanoTime();

            // Read to the end: the gateway must close the connection after its answer.
            List<String> response = responseOf(client);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(5));
            assertThat(response.getFirst()).isEqualTo("HTTP/1.1 408 Request Timeout");
            assertThat(response).contains("Content-Type: application/problem+json")
                    .anySatisfy(header -> assertThat(header).isEqualToIgnoringCase("Connection: close"));
            assertThat(response.getLast()).contains("\"status\":408", "did not arrive within 3000 ms");
        }
        assertThat(orderService.receivedCount()).isZero();
        assertThat(breakers.circuitBreaker("order-service").getMetrics().getNumberOfFailedCalls()).isZero();
    }

    /** A raw connection that has sent the headers of a POST whose body is {@code contentLength} bytes. */
    private Socket startPost(int contentLength) throws IOException {
        return startPost(contentLength, "");
    }

    /** {@code extraHeaders}: more header lines, each ending in CRLF. */
    private Socket startPost(int contentLength, String extraHeaders) throws IOException {
        Socket client = new Socket(InetAddress.getLoopbackAddress(), port);
        client.setSoTimeout(6000);
        client.getOutputStream().write(gateway.rawOrderPostHead(contentLength, extraHeaders));
        return client;
    }

    /** The response's lines up to the end of the stream, or its status line and headers if the server keeps it open. */
    private static List<String> responseOf(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
        List<String> lines = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lines.add(line);
            if (line.isEmpty() && lines.getFirst().endsWith("200 OK")) {
                break;
            }
        }
        return lines;
    }

    private static String jsonOfLength(int length) {
        String prefix = "{\"note\":\"";
        return prefix + "x".repeat(length - prefix.length() - 2) + "\"}";
    }
}
