package dev.orderflow.gateway.routing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.orderflow.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Clients that hang up while the gateway is still sending their request body to a backend. Spring Cloud Gateway's
 * body cache (on for every route with a breaker {@code fallbackUri} or a {@code Retry} filter) frees its pooled
 * buffer when the exchange ends, even while that send still holds it: Netty then freed it a second time when the
 * backend connection closed ({@code IllegalReferenceCountException}), and memory still queued for sending was back
 * in the pool. The benchmark met it under overload with small bodies; here a body larger than the socket buffers
 * between the gateway and a backend that reads nothing keeps the send queued every time. The gateway now holds
 * bodies itself ({@code RequestBodyBufferFilter}) and has that cache switched off.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "orderflow.gateway.max-request-body=16MB")
class AbandonedRequestTest extends GatewayIntegrationTest {

    // Linux buffers up to about 4 MB per loopback connection that is not read.
    private static final int LARGER_THAN_SOCKET_BUFFERS = 8 * 1024 * 1024;

    @Test
    void forgetsAnAbandonedRequestWithoutFreeingItsBodyTwice(CapturedOutput output) throws Exception {
        orderService.stallBeforeReadingBodies(Duration.ofSeconds(1));
        byte[] body = ("{\"note\":\"" + "x".repeat(LARGER_THAN_SOCKET_BUFFERS) + "\"}").getBytes(StandardCharsets.UTF_8);

        for (int abandoned = 1; abandoned <= 4; abandoned++) {
            int expected = abandoned;
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
                // The gateway may stop reading the body once the backend does: write it on another thread.
                Thread.ofVirtual().start(() -> post(client, gateway.rawOrderPostHead(body.length), body));
                await().atMost(Duration.ofSeconds(5)).until(() -> orderService.receivedCount() == expected);
            }
        }
        orderService.reset();

        for (int i = 0; i < 10; i++) {
            String order = "{\"order\":" + i + "}";
            HttpResponse<String> response = gateway.send("POST", "/api/orders", order);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(orderService.received().getLast().body()).isEqualTo(order);
        }
        assertThat(output.getAll()).doesNotContain("IllegalReferenceCountException");
    }

    private static void post(Socket client, byte[] head, byte[] body) {
        try {
            OutputStream out = client.getOutputStream();
            out.write(head);
            out.write(body);
        }
        catch (IOException hungUp) {
            // The test closed the socket mid-body: that is the point.
        }
    }
}
