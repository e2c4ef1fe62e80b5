package dev.orderflow.systemtests;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.orderflow.testinfra.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Many clients at once: every order ends in a final state that agrees with its one delivery. */
@ExtendWith(SystemStackExtension.class)
class ConcurrentOrdersIT {

    private static final int ORDERS = 200;
    private static final List<String> SERVED = List.of("KR", "US", "JP", "DE", "FR", "GB");

    private final Shop shop;

    ConcurrentOrdersIT(SystemStack system) {
        // Another customer than the other tests': their orders, placed and finished before, are counted apart.
        this.shop = system.shop(SystemStack.OTHER_CUSTOMER);
    }

    @Test
    void twoHundredConcurrentOrdersEachEndConsistentWithTheirDelivery() throws Exception {
        Map<String, String> countryByKey = IntStream.range(0, ORDERS).boxed().collect(Collectors.toMap(
                i -> "crowd-" + i + "-" + UUID.randomUUID(), i -> i % 4 == 0 ? "AQ" : SERVED.get(i % SERVED.size())));
        Map<String, String> orderIdByKey = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> retriedAnswers = new ConcurrentHashMap<>();

        warmUp();
        long ordersBefore = shop.countMyOrders();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> placed = countryByKey.entrySet().stream().map(entry -> clients.submit(() -> {
                go.await();
                // A client that gets no answer (an overloaded machine makes the gateway time out and open its breaker)
                // retries with the same Idempotency-Key, as a real one would, each at its own pace.
                Duration pace = Duration.ofMillis(ThreadLocalRandom.current().nextLong(1000, 3000));
                await().atMost(Duration.ofMinutes(3)).pollDelay(Duration.ZERO).pollInterval(pace).until(() -> {
                    Response response;
                    try {
                        response = shop.place(entry.getValue(), "Idempotency-Key", entry.getKey());
                    } catch (IllegalStateException noAnswer) {
                        retriedAnswers.computeIfAbsent("no answer", r -> new AtomicInteger()).incrementAndGet();
                        return false;
                    }
                    if (response.status() != 201) {
                        String reason = response.status() + " " + (response.body().isEmpty() ? ""
                                : response.json().path("reason").asString(response.json().path("title").asString("")));
                        retriedAnswers.computeIfAbsent(reason.trim(), r -> new AtomicInteger()).incrementAndGet();
                        return false;
                    }
                    orderIdByKey.put(entry.getKey(), response.json().path("id").asString());
                    return true;
                });
                return null;
            })).collect(Collectors.toList());
            go.countDown();
            for (Future<?> order : placed) {
                order.get();
            }
        }
        System.out.printf("%d orders placed concurrently; answers other than 201, retried: %s%n", ORDERS, retriedAnswers);

        assertThat(Set.copyOf(orderIdByKey.values())).hasSize(ORDERS);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                shop.myOrders().stream().noneMatch(o -> "PENDING".equals(o.path("status").asString())));
        assertThat(shop.countMyOrders()).as("no order lost or duplicated").isEqualTo(ordersBefore + ORDERS);
        orderIdByKey.forEach((key, id) -> assertConsistent(shop.order(id), countryByKey.get(key)));
    }

    /** A few orders one after the other first: the burst then meets warm JVMs, not their first requests. */
    private void warmUp() {
        for (int i = 0; i < 10; i++) {
            shop.placeOrder(SERVED.get(i % SERVED.size()));
        }
    }

    private void assertConsistent(JsonNode order, String country) {
        String id = order.path("id").asString();
        JsonNode delivery = shop.onlyDeliveryOf(id);
        if (country.equals("AQ")) {
            assertThat(order.path("status").asString()).as(id).isEqualTo("CANCELLED");
            assertThat(order.path("cancellationReason").asString()).as(id).isEqualTo("ADDRESS_NOT_SERVICEABLE");
            assertThat(delivery.path("status").asString()).as(id).isEqualTo("FAILED");
        } else {
            assertThat(order.path("status").asString()).as(id).isEqualTo("CONFIRMED");
            assertThat(delivery.path("status").asString()).as(id).isEqualTo("SCHEDULED");
            assertThat(order.path("deliveryId").asString()).as(id).isEqualTo(delivery.path("id").asString());
        }
    }
}
