package dev.orderflow.chaos.experiments;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.orderflow.stack.Component;

/**
 * order-service's Kafka listener throws on every record for 30 s: each record is retried in place with backoff
 * (for up to 30 s, keeping the partition's order) and, if it still fails, dead-lettered; the saga deadline then
 * closes its order. Either way order and delivery must agree.
 */
public final class ConsumerExceptions implements Scenario {

    private static final Duration ASSAULT = Duration.ofSeconds(30);

    private long deadLetteredBefore;
    private long deadLettered;
    private long assaultsBefore;
    private long assaults;

    @Override
    public String name() {
        return "consumer-exceptions";
    }

    @Override
    public void prepare(Lab lab) {
        if (!new ChaosMonkeyClient(lab.management(Component.ORDER_SERVICE)).available()) {
            lab.restartWith(Component.ORDER_SERVICE, Map.of("SPRING_PROFILES_ACTIVE", "chaos-monkey"));
        }
        deadLetteredBefore = deadLetters(lab);
        assaultsBefore = assaults(lab);
    }

    @Override
    public String inject(Lab lab, SteadyLoad load) {
        ChaosMonkeyClient monkey = new ChaosMonkeyClient(lab.management(Component.ORDER_SERVICE));
        monkey.exceptionsInListener();
        try {
            Lab.pause(ASSAULT);
        } finally {
            monkey.disable();
        }
        return "RuntimeException on every record of order-service's listener for 30 s";
    }

    @Override
    public List<String> verify(Lab lab, SteadyLoad.Result load) {
        deadLettered = deadLetters(lab) - deadLetteredBefore;
        assaults = assaults(lab) - assaultsBefore;
        List<String> violations = new ArrayList<>();
        if (assaults == 0) {
            violations.add("Chaos Monkey never threw in order-service's Kafka listener");
        }
        return violations;
    }

    @Override
    public String observed() {
        return assaults + " listener calls failed, " + deadLettered + " records dead-lettered after 30 s of retries";
    }

    private static long assaults(Lab lab) {
        return LogCount.linesContaining(lab.logOf(Component.ORDER_SERVICE), "Chaos Monkey - exception");
    }

    private static long deadLetters(Lab lab) {
        return LogCount.linesContaining(lab.logOf(Component.ORDER_SERVICE), "Dead-lettering");
    }
}
