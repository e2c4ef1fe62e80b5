package dev.orderflow.chaos.experiments;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import tools.jackson.databind.json.JsonMapper;

/**
 * An open-loop stream of {@code POST /api/orders} through the gateway at a fixed rate: about 80% to countries the
 * delivery service serves, 20% to Antarctica ({@code AQ}, compensated). Each order is sent as a careful client
 * would: with an {@code Idempotency-Key}, and retried with the same key (backing off from 250 ms to 4 s, for up to
 * {@link #GIVE_UP_AFTER}) when the answer is a 5xx, a 429 or no answer at all, so a crash never makes it place an
 * order twice. Every attempt carries a bearer token from the token source (asked again at each attempt, so that a
 * retry outlasting a token sends the next one); the orders are its subject's, which no body names.
 */
public final class SteadyLoad implements AutoCloseable {

    static final List<String> SERVED = List.of("KR", "US", "JP", "DE", "FR", "GB");
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the load achieved: the ids of the accepted orders, and how many were given up or refused. */
    public record Result(List<UUID> accepted, int givenUp, int refused, int retries) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI orders;
    private final Supplier<String> token;
    private final Random random = new Random();
    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
    private final Queue<UUID> accepted = new ConcurrentLinkedQueue<>();
    private final AtomicInteger givenUp = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final Thread pacer;
    private volatile boolean running = true;

    private SteadyLoad(URI gateway, Supplier<String> token, double perSecond) {
        this.orders = gateway.resolve("/api/orders");
        this.token = token;
        long intervalNanos = (long) (1_000_000_000L / perSecond);
        this.pacer = Thread.ofPlatform().name("steady-load").daemon().start(() -> pace(intervalNanos));
    }

    /** @param token bearer tokens of the customer who places the orders, e.g. {@link Lab#automationToken()} */
    public static SteadyLoad start(URI gateway, Supplier<String> token, double perSecond) {
        return new SteadyLoad(gateway, token, perSecond);
    }

    /** Stops placing new orders and waits for those in flight (including their retries). */
    public Result finish() {
        running = false;
        pacer.interrupt();
        try {
            pacer.join();
            clients.shutdown();
            clients.awaitTermination(GIVE_UP_AFTER.toSeconds() + 30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Result(List.copyOf(accepted), givenUp.get(), refused.get(), retries.get());
    }

    public int acceptedSoFar() {
        return accepted.size();
    }

    public List<UUID> acceptedIds() {
        return List.copyOf(accepted);
    }

    private void pace(long intervalNanos) {
        long next = System.nanoTime();
        while (running) {
            String country = random.nextInt(100) < 80 ? SERVED.get(random.nextInt(SERVED.size())) : "AQ";
            clients.execute(() -> place(country));
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void place(String country) {
        String key = UUID.randomUUID().toString();
        String body = body(country);
        Instant giveUp = Instant.now().plus(GIVE_UP_AFTER);
        long backoffMillis = 250;
        while (true) {
            int status = send(key, body);
            if (status == 201 || status == 200) {
                return;
            }
            if (status >= 400 && status < 500 && status != 429 && status != 408) {
                if (refused.incrementAndGet() == 1) {
                    Narrator.say("the gateway refused an order with " + status + " (a token or access problem?)");
                }
                return;
            }
            if (Instant.now().isAfter(giveUp)) {
                givenUp.incrementAndGet();
                return;
            }
            retries.incrementAndGet();
            // Exponential backoff with jitter, as a careful client does: a crowd of retries must not keep a
            // recovering service (or the gateway's half-open breaker) down.
            Lab.pause(Duration.ofMillis(backoffMillis / 2 + random.nextLong(backoffMillis / 2 + 1)));
            backoffMillis = Math.min(backoffMillis * 2, 4_000);
        }
    }

    /**
     * The status, or 0 when no answer came (nor a token: Keycloak restarting is retried like a service restarting);
     * an accepted order's id is recorded.
     */
    private int send(String idempotencyKey, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(orders).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                    .header("Authorization", "Bearer " + token.get())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201 || response.statusCode() == 200) {
                UUID id = UUID.fromString(JSON.readTree(response.body()).path("id").asString());
                if (!accepted.contains(id)) {
                    accepted.add(id);
                }
            }
            return response.statusCode();
        } catch (IOException | RuntimeException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private String body(String country) {
        return """
                {"items":[{"productId":"SKU-CHAOS-%d","quantity":%d,"unitPrice":9.95}],\
                "deliveryAddress":{"street":"1 Main St","city":"Somewhere","postalCode":"12345","country":"%s"}}"""
                .formatted(random.nextInt(50), 1 + random.nextInt(3), country);
    }

    @Override
    public void close() {
        finish();
    }
}
