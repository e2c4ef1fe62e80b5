package dev.orderflow.chaos.experiments;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.orderflow.stack.Component;

/**
 * Delivery's Kafka listener is slowed down beyond the consumer's {@code max.poll.interval.ms}: each consumer is
 * thrown out of the group in the middle of a record, its partitions move, the record is delivered again to another
 * consumer, which throws the group into a rebalance storm. The inboxes must absorb every redelivery.
 *
 * <p>The default poll interval (5 min) would make the experiment last an hour, so delivery-service runs during it
 * with {@code max.poll.interval.ms=5000} and a listener latency of 6 to 7 s per record.
 */
public final class ConsumerLatency implements Scenario {

    static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(5);
    private static final Duration ASSAULT = Duration.ofSeconds(30);

    private long rebalances;
    // Chaos Monkey's latency assault logs nothing at INFO: a consumer overrunning its poll interval is the evidence.
    private long pollTimeouts;

    @Override
    public String name() {
        return "consumer-latency";
    }

    @Override
    public void prepare(Lab lab) {
        lab.restartWith(Component.DELIVERY_SERVICE, Map.of("SPRING_PROFILES_ACTIVE", "chaos-monkey",
                "SPRING_APPLICATION_JSON", "{\"spring.kafka.consumer.properties.max.poll.interval.ms\":\""
                        + MAX_POLL_INTERVAL.toMillis() + "\"}"));
    }

    @Override
    public String inject(Lab lab, SteadyLoad load) {
        ChaosMonkeyClient monkey = new ChaosMonkeyClient(lab.management(Component.DELIVERY_SERVICE));
        long revokedBefore = revocations(lab);
        long timeoutsBefore = count(lab, "poll timeout has expired");
        monkey.latencyOnListener(Duration.ofSeconds(6), Duration.ofSeconds(7));
        try {
            Lab.pause(ASSAULT);
        } finally {
            monkey.disable();
        }
        // The records delayed last are still waiting out their latency: let them finish before counting.
        Lab.pause(Duration.ofSeconds(8));
        rebalances = revocations(lab) - revokedBefore;
        pollTimeouts = count(lab, "poll timeout has expired") - timeoutsBefore;
        return "delivery listener latency 6-7 s per record for 30 s (max.poll.interval.ms=5000)";
    }

    @Override
    public String observed() {
        return pollTimeouts + " consumers thrown out for overrunning max.poll.interval.ms, " + rebalances
                + " partition revocations/losses in delivery's log";
    }

    @Override
    public List<String> verify(Lab lab, SteadyLoad.Result load) {
        List<String> violations = new ArrayList<>();
        if (pollTimeouts == 0) {
            violations.add("no consumer of delivery-service exceeded max.poll.interval.ms: the latency did not reach "
                    + "the Kafka listener");
        }
        return violations;
    }

    @Override
    public void restore(Lab lab) {
        lab.restart(Component.DELIVERY_SERVICE);
    }

    private static long revocations(Lab lab) {
        return count(lab, "partitions revoked") + count(lab, "partitions lost");
    }

    private static long count(Lab lab, String text) {
        return LogCount.linesContaining(lab.logOf(Component.DELIVERY_SERVICE), text);
    }
}
