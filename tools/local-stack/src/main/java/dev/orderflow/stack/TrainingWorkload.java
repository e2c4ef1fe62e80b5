package dev.orderflow.stack;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.orderflow.stack.DemoOrders.Address;

/**
 * What startup caches are trained on: orders placed through the gateway by a few clients in a closed loop, each
 * read back with its delivery; four in five go to addresses that are served (the saga confirms them), one in five
 * to one that is not (its compensation cancels them), so that every path of a saga runs in every service.
 */
final class TrainingWorkload {

    private static final int CLIENTS = 4;
    private static final List<Address> ADDRESSES = List.of(Address.SEOUL, Address.NEW_YORK, Address.BERLIN,
            Address.SEOUL, Address.MCMURDO);
    private static final Duration LAST_SAGAS = Duration.ofSeconds(60);

    record Outcome(long sagas, long confirmed, long cancelled) {

        String describe() {
            return String.format(Locale.ROOT, "%,d sagas (%,d confirmed, %,d cancelled)", sagas, confirmed, cancelled);
        }
    }

    private TrainingWorkload() {
    }

    /** Places orders for this long (or until {@code stopping}), then waits until their sagas have ended. */
    static Outcome run(GatewayClient gateway, Duration duration, BooleanSupplier stopping) {
        DemoOrders orders = new DemoOrders(gateway);
        long deadline = System.nanoTime() + duration.toNanos();
        List<Integer> clients = IntStream.range(0, CLIENTS).boxed().collect(Collectors.toList());
        Parallel.forEach(clients, client -> {
            for (int next = client; System.nanoTime() < deadline && !stopping.getAsBoolean(); next += CLIENTS) {
                GatewayClient.Reply reply = orders.place(ADDRESSES.get(next % ADDRESSES.size()));
                if (reply.status() == 201) {
                    String id = reply.field("id");
                    orders.order(id);
                    orders.deliveryOf(id);
                }
            }
        });
        long lastSagas = System.nanoTime() + LAST_SAGAS.toNanos();
        while (count(gateway, "&status=PENDING") > 0 && System.nanoTime() < lastSagas && !stopping.getAsBoolean()) {
            Stack.pause(Duration.ofMillis(200));
        }
        // Counted where they are: an order whose answer the gateway gave up on may still have been placed.
        return new Outcome(count(gateway, ""), count(gateway, "&status=CONFIRMED"), count(gateway, "&status=CANCELLED"));
    }

    /** Counts every order: the training stack has no others. */
    private static long count(GatewayClient gateway, String filter) {
        return gateway.get("/api/orders?size=1" + filter).json().path("totalItems").asLong(0);
    }
}
