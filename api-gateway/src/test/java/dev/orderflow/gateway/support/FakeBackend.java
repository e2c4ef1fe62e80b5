package dev.orderflow.gateway.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a random loopback port that stands in for order-service or delivery-service: it records
 * every request it receives and answers what the test tells it to (status, body, delay, or a dropped connection).
 */
public final class FakeBackend {

    private final String name;
    private final HttpServer server;
    private final ScheduledExecutorService delayer = Executors.newSingleThreadScheduledExecutor(daemon());
    private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();
    private volatile Function<ReceivedRequest, Reply> responder;
    private volatile Duration stallBeforeBody;

    private FakeBackend(String name) throws IOException {
        this.name = name;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        this.server.setExecutor(Executors.newCachedThreadPool(daemon()));
        this.server.createContext("/", this::handle);
        reset();
    }

    public static FakeBackend start(String name) {
        try {
            FakeBackend backend = new FakeBackend(name);
            backend.server.start();
            return backend;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Back to answering 200 with a JSON echo of the request, and forget what was received. */
    public void reset() {
        received.clear();
        stallBeforeBody = null;
        responder = request -> Reply.json(200, "{\"backend\":\"" + name + "\",\"method\":\"" + request.method()
                + "\",\"path\":\"" + request.path() + "\"}");
    }

    public void answer(Function<ReceivedRequest, Reply> responder) {
        this.responder = responder;
    }

    public void answer(Reply reply) {
        answer(request -> reply);
    }

    /**
     * Reads each request's headers, then neither reads its body nor answers for {@code duration}, and closes the
     * connection: a large body's send stays queued in the gateway (the socket buffers fill).
     */
    public void stallBeforeReadingBodies(Duration duration) {
        this.stallBeforeBody = duration;
    }

    public List<ReceivedRequest> received() {
        return List.copyOf(received);
    }

    public int receivedCount() {
        return received.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (stallBeforeBody != null) {
            stall(exchange);
            return;
        }
        ReceivedRequest request = record(exchange,
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Reply reply = responder.apply(request);
        if (reply.dropConnection()) {
            // The JDK server closes the connection without a response when the handler fails.
            throw new IllegalStateException("dropping the connection on purpose");
        }
        if (reply.delay().isZero()) {
            send(exchange, reply);
        }
        else {
            delayer.schedule(() -> send(exchange, reply), reply.delay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Records the request as received; {@code body} is null when it was not read. */
    private ReceivedRequest record(HttpExchange exchange, String body) {
        ReceivedRequest request = new ReceivedRequest(exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                HttpHeaders.of(exchange.getRequestHeaders(), acceptAll()), body);
        received.add(request);
        return request;
    }

    private void stall(HttpExchange exchange) {
        record(exchange, null);
        try {
            Thread.sleep(stallBeforeBody);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.close();
    }

    private static void send(HttpExchange exchange, Reply reply) {
        try (exchange) {
            reply.headers().forEach((header, value) -> exchange.getResponseHeaders().set(header, value));
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(reply.status(), noBody ? -1 : body.length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
        catch (IOException clientWentAway) {
            // The gateway cancelled the call (timeout): nothing left to answer.
        }
    }

    private static BiPredicate<String, String> acceptAll() {
        return (header, value) -> true;
    }

    private static ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "fake-backend");
            thread.setDaemon(true);
            return thread;
        };
    }

    public record ReceivedRequest(String method, String path, String query, HttpHeaders headers, String body) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public record Reply(int status, Map<String, String> headers, String body, Duration delay, boolean dropConnection) {

        public static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body, Duration.ZERO, false);
        }

        public static Reply status(int status) {
            return json(status, "{\"status\":" + status + "}");
        }

        public static Reply droppedConnection() {
            return new Reply(0, Map.of(), "", Duration.ZERO, true);
        }

        public Reply after(Duration delay) {
            return new Reply(status, headers, body, delay, dropConnection);
        }

        public Reply withHeader(String name, String value) {
            var all = new HashMap<>(headers);
            all.put(name, value);
            return new Reply(status, Map.copyOf(all), body, delay, dropConnection);
        }
    }
}
