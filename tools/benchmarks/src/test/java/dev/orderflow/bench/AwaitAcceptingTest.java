package dev.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** Between measurements the benchmark waits for a gateway whose breaker an overload opened to accept again. */
class AwaitAcceptingTest {

    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;

    /** Answers 503, as a gateway with an open breaker does, to the first {@code refused} requests; then 201. */
    private Shop shopRefusing(int refused) throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/orders", exchange -> {
            boolean accepted = requests.incrementAndGet() > refused;
            byte[] body = accepted ? ("{\"id\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8)
                    : new byte[0];
            exchange.sendResponseHeaders(accepted ? 201 : 503, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return new Shop("http://localhost:" + server.getAddress().getPort() + "/orders",
                BearerToken.fixed("a-token", Optional.empty()));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void waitsForFiveAcceptedInARowAfterTheRefusals() throws Exception {
        Shop shop = shopRefusing(3);

        assertThat(shop.awaitAccepting(Duration.ofSeconds(10))).isTrue();
        assertThat(requests).hasValue(3 + 5);
    }

    @Test
    void givesUpAtTheTimeoutWhenNothingIsAccepted() throws Exception {
        Shop shop = shopRefusing(Integer.MAX_VALUE);
        long start = System.nanoTime();

        assertThat(shop.awaitAccepting(Duration.ofSeconds(1))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }
}
