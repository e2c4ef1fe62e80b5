package dev.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stand-in behind the breaker comparison answers the benchmark's requests as order-service does. */
class FixedCostOrderServiceTest {

    private FixedCostOrderService backend;
    private Shop shop;

    @BeforeEach
    void start() throws IOException {
        backend = new FixedCostOrderService();
        shop = new Shop(backend.url() + "/orders", BearerToken.fixed("a-token", Optional.of("a-customer")));
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    @Test
    void placesReadsAndHasNothingPending() throws Exception {
        Optional<UUID> placed = shop.place(1);

        assertThat(placed).isPresent();
        assertThat(shop.order(placed.get()).get("id").asString()).isEqualTo(placed.get().toString());
        assertThat(shop.order(placed.get()).get("history")).hasSize(2);
        assertThat(shop.awaitSettled(Duration.ofSeconds(1))).isPresent();
        assertThat(backend.answered()).isEqualTo(4);
    }

    @Test
    void answersAPlacedOrderWithItsLocationAndTheSizeOfARealOne() throws Exception {
        HttpResponse<String> placed = send(HttpRequest.newBuilder(URI.create(backend.url() + "/orders"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(placed.statusCode()).isEqualTo(201);
        assertThat(placed.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).matches("/orders/[0-9a-f-]{36}"));
        assertThat(placed.headers().firstValue("Content-Type")).hasValue("application/json");
        // order-service's for one line was 509 bytes with the customer id the benchmark then chose; it is a token's
        // subject now, 36 characters, as the stand-in's
        assertThat(placed.body().length()).isBetween(500, 560);
    }

    @Test
    void answers404ToWhatOrderServiceDoesNotServe() throws Exception {
        assertThat(send(HttpRequest.newBuilder(URI.create(backend.url() + "/orders/not-an-id"))).statusCode())
                .isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(URI.create(backend.url() + "/orders/" + UUID.randomUUID()))
                .DELETE()).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(URI.create(backend.url() + "/deliveries"))).statusCode())
                .isEqualTo(404);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
