package dev.orderflow.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.orderflow.stack.Console.Tone;
import dev.orderflow.stack.DemoOrders.Address;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./stack demo}: a narrated tour of the saga against the running stack, every call through the gateway:
 * a confirmed order, a compensated one, a customer cancellation cascading to the delivery, delivery-service down
 * while orders keep coming, and order-service down behind the gateway's circuit breaker.
 */
final class Demo {

    private static final Duration DECISION = Duration.ofSeconds(30);

    /** The demo's customer: one of the realm's demo users. */
    private static final String CUSTOMER = "alice";

    private final Stack stack;
    private final Console console;
    private GatewayClient gateway;
    private DemoOrders orders;

    Demo(Stack stack, Console console) {
        this.stack = stack;
        this.console = console;
    }

    int run() {
        List<ComponentStatus> unhealthy = new ArrayList<>();
        stack.status().stream().filter(status -> !status.isHealthy()).forEach(unhealthy::add);
        if (!unhealthy.isEmpty()) {
            throw new StackException("the demo needs the whole stack healthy; not healthy: " + unhealthy.stream()
                    .map(status -> status.component() + " (" + status.health().label() + ")")
                    .collect(java.util.stream.Collectors.joining(", ")) + ". Start it with ./stack up --detach");
        }
        gateway = GatewayClient.as(stack.ports(), CUSTOMER);
        orders = new DemoOrders(gateway);
        console.say("orderflow demo: every call goes through the gateway at " + gateway.url() + ", as " + CUSTOMER
                + " (logged in at Keycloak)", Tone.BOLD);
        Thread interrupted = new Thread(this::tellWhatIsStopped, "demo-interrupted");
        Runtime.getRuntime().addShutdownHook(interrupted);
        try {
            confirmedOrder();
            compensatedOrder();
            customerCancellation();
            deliveryServiceOutage();
            orderServiceOutage();
        } finally {
            restart(Component.DELIVERY_SERVICE);
            restart(Component.ORDER_SERVICE);
            Runtime.getRuntime().removeShutdownHook(interrupted);
        }
        console.headline("Done: every order reached a final state, and every service is running again.");
        return 0;
    }

    private void confirmedOrder() {
        act("1. An order that can be delivered is confirmed");
        String id = placed(Address.SEOUL);
        long start = System.nanoTime();
        JsonNode order = orders.awaitDecision(id, DECISION);
        decided(order, start);
        JsonNode delivery = orders.deliveryOf(id);
        step("GET /api/deliveries?orderId=" + DemoOrders.shortId(id), delivery.path("status").asString() + ", courier "
                + delivery.path("courier").asString() + ", arriving " + delivery.path("estimatedDeliveryDate").asString());
    }

    private void compensatedOrder() {
        act("2. An order to a country nobody delivers to is compensated");
        String id = placed(Address.MCMURDO);
        long start = System.nanoTime();
        JsonNode order = orders.awaitDecision(id, DECISION);
        decided(order, start);
        JsonNode delivery = orders.deliveryOf(id);
        step("GET /api/deliveries?orderId=" + DemoOrders.shortId(id), delivery.path("status").asString() + ": "
                + delivery.path("failureReason").asString());
    }

    private void customerCancellation() {
        act("3. A customer cancels a confirmed order; the cancellation cascades to the delivery");
        String id = placed(Address.NEW_YORK);
        long placedAt = System.nanoTime();
        decided(orders.awaitDecision(id, DECISION), placedAt);
        GatewayClient.Reply cancel = gateway.post("/api/orders/" + id + "/cancel", "");
        step("POST /api/orders/" + DemoOrders.shortId(id) + "/cancel", cancel.status() + ", order "
                + cancel.field("status") + " (" + cancel.field("cancellationReason") + ")");
        long start = System.nanoTime();
        JsonNode delivery = orders.awaitDeliveryStatus(id, "CANCELLED", DECISION);
        step("delivery " + DemoOrders.shortId(delivery.path("id").asString()), delivery.path("status").asString()
                + " after " + Durations.format(Durations.since(start)));
        JsonNode order = orders.awaitStep(id, "DELIVERY_CANCELLED", DECISION);
        step("order history", DemoOrders.history(order));
    }

    private void deliveryServiceOutage() {
        act("4. delivery-service stops; orders are still accepted and wait");
        stack.stop(Component.DELIVERY_SERVICE, false);
        List<String> waiting = new ArrayList<>();
        for (Address address : List.of(Address.SEOUL, Address.BERLIN, Address.NEW_YORK)) {
            waiting.add(placed(address));
        }
        narrate("OrderPlaced events wait in Kafka; nothing is lost. Five seconds later:");
        Stack.pause(Duration.ofSeconds(5));
        for (String id : waiting) {
            step("order " + DemoOrders.shortId(id), orders.order(id).path("status").asString());
        }
        narrate("delivery-service comes back and works through what waited:");
        stack.start(Component.DELIVERY_SERVICE);
        long start = System.nanoTime();
        for (String id : waiting) {
            JsonNode order = orders.awaitDecision(id, Duration.ofSeconds(60));
            step("order " + DemoOrders.shortId(id), order.path("status").asString() + " (" + Durations.format(
                    Durations.since(start)) + " after the restart), deliveries: " + orders.deliveryCount(id));
        }
    }

    private void orderServiceOutage() {
        act("5. order-service stops; the gateway fails fast and its circuit breaker opens");
        String id = placed(Address.BERLIN);
        orders.awaitDecision(id, DECISION);
        stack.stop(Component.ORDER_SERVICE, false);
        String path = "/api/orders/" + id;
        GatewayClient.Reply reply = gateway.get(path);
        step("GET " + shortPath(path), problem(reply));
        int calls = 1;
        while (!"OPEN".equals(breaker()) && calls < 50) {
            reply = gateway.get(path);
            calls++;
        }
        step("after " + calls + " failed calls", "breaker order-service is " + breaker());
        reply = gateway.get(path);
        step("GET " + shortPath(path), problem(reply));
        narrate("order-service comes back; the breaker lets a few calls through (HALF_OPEN) and closes when they pass:");
        stack.start(Component.ORDER_SERVICE);
        long start = System.nanoTime();
        String previous = breaker();
        step("breaker order-service", previous + (previous.equals("OPEN")
                ? " (it lets calls through again 10 s after opening)" : ""));
        while (System.nanoTime() - start < Duration.ofSeconds(60).toNanos()) {
            reply = gateway.get(path);
            String state = breaker();
            if (!state.equals(previous)) {
                step("breaker order-service", previous + " -> " + state + " (" + Durations.format(Durations.since(start)) + ")");
                previous = state;
            }
            if (reply.status() == 200 && "CLOSED".equals(state)) {
                break;
            }
            Stack.pause(Duration.ofMillis(500));
        }
        step("GET " + shortPath(path), reply.status() + ", order " + reply.field("status"));
    }

    private String placed(Address address) {
        GatewayClient.Reply reply = orders.place(address);
        if (reply.status() != 201) {
            throw new StackException("POST /api/orders answered " + reply.status() + ": " + reply.text());
        }
        String id = reply.field("id");
        step("POST /api/orders (" + address.describe() + ")", reply.status() + " Created, order "
                + DemoOrders.shortId(id) + " " + reply.field("status"));
        return id;
    }

    private void decided(JsonNode order, long since) {
        String reason = order.path("cancellationReason").asString("");
        step("order " + DemoOrders.shortId(order.path("id").asString()), order.path("status").asString()
                + (reason.isEmpty() ? "" : " (" + reason + ")") + " after " + Durations.format(Durations.since(since))
                + "; history " + DemoOrders.history(order));
    }

    private String breaker() {
        return GatewayBreakers.states(stack.probe(), stack.ports()).getOrDefault("order-service", "?");
    }

    private static String problem(GatewayClient.Reply reply) {
        JsonNode problem = reply.json();
        return reply.status() + " in " + Durations.format(reply.took()) + ": " + problem.path("detail").asString(reply.text())
                + " [reason " + problem.path("reason").asString("-") + "]";
    }

    private static String shortPath(String path) {
        int last = path.lastIndexOf('/');
        return path.substring(0, last + 1) + DemoOrders.shortId(path.substring(last + 1));
    }

    /** Ctrl-C ends the demo at once: say which service it had stopped, rather than wait for a restart. */
    private void tellWhatIsStopped() {
        for (Component service : Component.services()) {
            if (stack.running(service).isEmpty()) {
                console.say("The demo was interrupted while " + service + " was stopped: ./stack start " + service,
                        Tone.WARN);
            }
        }
    }

    private void restart(Component service) {
        if (stack.running(service).isEmpty()) {
            stack.start(service);
        }
    }

    private void act(String title) {
        console.headline(title);
    }

    private void narrate(String text) {
        console.say("   " + text, Tone.DIM);
    }

    private void step(String what, String result) {
        console.info(String.format(java.util.Locale.ROOT, "   %-42s %s", what, result));
    }
}
