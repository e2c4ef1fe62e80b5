package dev.orderflow.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for order-service that answers at once and always at the same cost, for comparing two gateways in
 * front of it: behind the real one, each side's throughput swung with order-service's own work (run Y: one side's
 * POST rounds from 105 to 383 req/s, two gateways of one configuration 13% apart in run Z), more than the 3% the
 * breaker may cost. Its answers have the status, headers and size of order-service's: {@code POST /orders} 201 with
 * a Location and a new order, {@code GET /orders/{id}} an order with its saga timeline, {@code GET /orders?...} an
 * empty page (nothing is ever pending here), anything else 404. The gateways in front of it validate the
 * benchmark's bearer token as they would in front of order-service, and pass it on; it ignores the token (as it
 * ignores the body), and its orders carry a customer id of a token subject's length (a 36-character UUID), as
 * order-service's do.
 */
final class FixedCostOrderService implements AutoCloseable {

    private static final String ORDER_PATH = "/orders/";
    /** In the shape of the automation client's subject, which order-service writes into the benchmark's orders. */
    private static final String CUSTOMER = "5b1f0c8e-2d4a-4c7e-9f3b-8a6d2e1c0b7a";
    private static final String ORDER = """
            {"id":"%s","customerId":"%s","status":"%s","cancellationReason":null,"deliveryId":%s,\
            "items":[{"productId":"p-7","quantity":1,"unitPrice":12.50,"lineTotal":12.50}],"totalAmount":12.50,\
            "deliveryAddress":{"street":"1 Main St","city":"City","postalCode":"04524","country":"KR"},\
            "createdAt":"2026-12-06T12:00:00.000000Z","updatedAt":"2026-12-06T12:00:00.012000Z","history":[%s]}""";
    private static final String PLACED =
            "{\"at\":\"2026-12-06T12:00:00.000000Z\",\"step\":\"PLACED\",\"status\":\"PENDING\",\"reason\":null}";
    private static final String CONFIRMED = PLACED + ",{\"at\":\"2026-12-06T12:00:00.012000Z\","
            + "\"step\":\"CONFIRMED\",\"status\":\"CONFIRMED\",\"reason\":null}";
    private static final byte[] EMPTY_PAGE =
            "{\"items\":[],\"page\":0,\"size\":1,\"totalItems\":0,\"totalPages\":0}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final LongAdder answered = new LongAdder();

    FixedCostOrderService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/orders", this::answer);
        server.setExecutor(threads);
        server.start();
    }

    /** Where a gateway's order-service route should point: {@code http://localhost:<port>}. */
    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Requests answered so far, whatever the answer. */
    long answered() {
        return answered.sum();
    }

    private void answer(HttpExchange exchange) throws IOException {
        answered.increment(); // before the answer, which a client may read before this method returns
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.transferTo(OutputStream.nullOutputStream()); // as a real server reads it
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (method.equals("POST") && path.equals("/orders")) {
                UUID id = UUID.randomUUID();
                exchange.getResponseHeaders().set("Location", ORDER_PATH + id);
                exchange.getResponseHeaders().set("Idempotent-Replayed", "false");
                send(exchange, 201, order(id, "PENDING", "null", PLACED));
            } else if (method.equals("GET") && path.equals("/orders")) {
                send(exchange, 200, EMPTY_PAGE);
            } else if (method.equals("GET") && path.startsWith(ORDER_PATH) && isUuid(path.substring(ORDER_PATH.length()))) {
                send(exchange, 200, order(UUID.fromString(path.substring(ORDER_PATH.length())), "CONFIRMED",
                        "\"" + UUID.nameUUIDFromBytes(path.getBytes(StandardCharsets.UTF_8)) + "\"", CONFIRMED));
            } else {
                send(exchange, 404, new byte[0]);
            }
        }
    }

    private static byte[] order(UUID id, String status, String deliveryId, String history) {
        return ORDER.formatted(id, CUSTOMER, status, deliveryId, history).getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isUuid(String text) {
        try {
            UUID.fromString(text);
            return text.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (body.length > 0) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.close();
    }
}
