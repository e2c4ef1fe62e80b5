package dev.orderflow.chaos.experiments;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The load's orders are its token's: each attempt carries a bearer token, no body names a customer. */
class SteadyLoadTest {

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer gateway;

    /** Answers the first {@code unavailable} requests 503, as a gateway with an open breaker does, then 201. */
    private URI gatewayAnswering(int unavailable, int otherwise) throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        gateway.createContext("/api/orders", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), UTF_8));
            int status = requests.incrementAndGet() <= unavailable ? 503 : otherwise;
            byte[] body = status == 201 ? ("{\"id\":\"" + UUID.randomUUID() + "\"}").getBytes(UTF_8) : new byte[0];
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        gateway.start();
        return URI.create("http://localhost:" + gateway.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        gateway.stop(0);
    }

    @Test
    void everyOrderCarriesTheTokenAndNamesNoCustomer() throws Exception {
        SteadyLoad load = SteadyLoad.start(gatewayAnswering(0, 201), () -> "the-token", 20);
        await().until(() -> load.acceptedSoFar() >= 3);

        SteadyLoad.Result result = load.finish();

        assertThat(result.accepted()).isNotEmpty().hasSize(bodies.size());
        assertThat(authorizations).containsOnly("Bearer the-token");
        assertThat(bodies).allSatisfy(body ->
                assertThat(body).doesNotContain("customerId").contains("deliveryAddress"));
    }

    @Test
    void aRetryAsksForTheTokenAgainSoThatItNeverOutlivesOne() throws Exception {
        AtomicInteger tokens = new AtomicInteger();
        SteadyLoad load = SteadyLoad.start(gatewayAnswering(1, 201), () -> "token-" + tokens.incrementAndGet(), 1);
        await().until(() -> requests.get() == 2); // one order at 1/s (the next a second later), sent twice

        SteadyLoad.Result result = load.finish();

        assertThat(result.accepted()).hasSize(1);
        assertThat(result.retries()).isEqualTo(1);
        assertThat(authorizations).containsExactly("Bearer token-1", "Bearer token-2");
    }

    @Test
    void aTokenTheGatewayRefusesIsCountedAsARefusalNotRetried() throws Exception {
        SteadyLoad load = SteadyLoad.start(gatewayAnswering(0, 401), () -> "expired", 1);
        await().until(() -> requests.get() == 1);

        SteadyLoad.Result result = load.finish();

        assertThat(result.accepted()).isEmpty();
        assertThat(result.refused()).isEqualTo(1);
        assertThat(result.retries()).isZero();
    }
}
