package dev.orderflow.chaos.experiments;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.orderflow.stack.Component;
import tools.jackson.databind.JsonNode;

/**
 * delivery-service is down for longer than the saga deadline (10 s here, order-service runs with it during the
 * experiment): the orders placed meanwhile are cancelled with {@code DELIVERY_TIMEOUT}; when delivery-service comes
 * back and reads their OrderPlaced and OrderCancelled, none of them may end with a scheduled delivery.
 */
public final class DeliveryOutageBeyondDeadline implements Scenario {

    static final Duration DEADLINE = Duration.ofSeconds(10);

    private final List<UUID> placedWhileDown = new ArrayList<>();
    private Duration outage = Duration.ZERO;

    @Override
    public String name() {
        return "delivery-outage-beyond-deadline";
    }

    @Override
    public void prepare(Lab lab) {
        lab.restartWith(Component.ORDER_SERVICE, Map.of("ORDERFLOW_SAGA_DEADLINE", DEADLINE.toSeconds() + "s"));
        lab.stop(Component.DELIVERY_SERVICE);
    }

    @Override
    public Duration deadline(Lab lab) {
        return DEADLINE;
    }

    @Override
    public String inject(Lab lab, SteadyLoad load) {
        long down = System.nanoTime();
        Lab.pause(DEADLINE);
        placedWhileDown.addAll(load.acceptedIds());
        // Every order in placedWhileDown passes its deadline while delivery-service is still down.
        Lab.pause(DEADLINE.plusSeconds(3));
        lab.start(Component.DELIVERY_SERVICE);
        outage = Duration.ofNanos(System.nanoTime() - down);
        return "delivery-service down " + outage.toSeconds() + " s with a saga deadline of " + DEADLINE.toSeconds() + " s";
    }

    @Override
    public List<String> verify(Lab lab, SteadyLoad.Result load) {
        Gateway gateway = Gateway.of(lab);
        List<String> violations = new ArrayList<>();
        for (UUID id : placedWhileDown) {
            JsonNode order = gateway.order(id.toString());
            if (!order.path("status").asString().equals("CANCELLED")
                    || !order.path("cancellationReason").asString().equals("DELIVERY_TIMEOUT")) {
                violations.add("order " + id + " placed during the outage is " + order.path("status").asString() + " "
                        + order.path("cancellationReason").asString() + ", not CANCELLED DELIVERY_TIMEOUT");
            }
            for (JsonNode delivery : gateway.deliveriesOf(id.toString())) {
                if (delivery.path("status").asString().equals("SCHEDULED")) {
                    violations.add("order " + id + " timed out but its delivery is SCHEDULED");
                }
            }
        }
        if (placedWhileDown.isEmpty()) {
            violations.add("no order was placed during the outage");
        }
        return violations;
    }

    @Override
    public String observed() {
        return placedWhileDown.size() + " orders placed during the outage, all checked CANCELLED DELIVERY_TIMEOUT";
    }

    @Override
    public void restore(Lab lab) {
        lab.restart(Component.ORDER_SERVICE);
    }
}
