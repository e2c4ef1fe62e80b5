package dev.orderflow.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * The benchmark's orders are its token's: every request carries it, no body names a customer, and the backlog is
 * that customer's PENDING orders.
 */
class ShopCredentialsTest {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private Shop shop;

    @BeforeEach
    void aServerThatWritesDownEveryRequest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/orders", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
            boolean post = exchange.getRequestMethod().equals("POST");
            byte[] answer = (post ? "{\"id\":\"" + UUID.randomUUID() + "\"}"
                    : "{\"items\":[],\"totalItems\":3}").getBytes(UTF_8);
            exchange.sendResponseHeaders(post ? 201 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        shop = new Shop("http://localhost:" + server.getAddress().getPort() + "/orders",
                BearerToken.fixed("the-token", Optional.of("automation-subject")));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void placesOrdersWithTheTokenAndWithoutACustomerInTheBody() throws Exception {
        assertThat(shop.place(4)).isPresent();

        assertThat(requests).singleElement().satisfies(request -> assertThat(request)
                .startsWith("POST /orders Bearer the-token {")
                .contains("\"country\":\"BR\"")
                .doesNotContain("customerId"));
    }

    @Test
    void countsTheBacklogAsTheTokensCustomersPendingOrders() throws Exception {
        assertThat(shop.pending()).isEqualTo(3);

        assertThat(requests).containsExactly(
                "GET /orders?customerId=automation-subject&status=PENDING&size=1 Bearer the-token ");
    }

    @Test
    void countsEveryPendingOrderWhenTheTokenNamesNoSubject() throws Exception {
        Shop anyone = new Shop("http://localhost:" + server.getAddress().getPort() + "/orders",
                BearerToken.fixed("opaque", Optional.empty()));

        assertThat(anyone.pending()).isEqualTo(3);

        assertThat(requests).containsExactly("GET /orders?status=PENDING&size=1 Bearer opaque ");
    }
}
