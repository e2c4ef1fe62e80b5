package dev.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The benchmark's requests end, whatever the server does: a load waits for all of them before it ends. */
class ShopTest {

    private final CountDownLatch released = new CountDownLatch(1);
    private HttpServer server;

    @BeforeEach
    void aServerThatSendsItsHeadersThenStalls() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/orders", exchange -> {
            exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 201 : 200, 100);
            exchange.getResponseBody().write("{\"id\":".getBytes());
            exchange.getResponseBody().flush();
            try {
                released.await(); // the rest of the body never comes while the test runs
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    @AfterEach
    void stop() {
        released.countDown();
        server.stop(0);
    }

    @Test
    void anAnswerWhoseBodyStallsEndsAtTheDeadlineForReadsAndPlacements() {
        Shop shop = new Shop("http://localhost:" + server.getAddress().getPort() + "/orders", Duration.ofMillis(500),
                BearerToken.fixed("a-token", Optional.empty()));
        long start = System.nanoTime();

        assertThatThrownBy(() -> shop.read(UUID.randomUUID())).isInstanceOf(HttpTimeoutException.class);
        assertThatThrownBy(() -> shop.place(0)).isInstanceOf(HttpTimeoutException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
