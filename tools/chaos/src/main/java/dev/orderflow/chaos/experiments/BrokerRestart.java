package dev.orderflow.chaos.experiments;

import java.time.Duration;

import dev.orderflow.stack.Component;

/** The Kafka broker stops under load and comes back: the outboxes hold the events until it does. */
public final class BrokerRestart implements Scenario {

    private static final Duration DOWN = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "broker-restart";
    }

    @Override
    public String inject(Lab lab, SteadyLoad load) {
        lab.stop(Component.KAFKA);
        Lab.pause(DOWN);
        lab.start(Component.KAFKA);
        return "Kafka broker stopped (SIGTERM), down 10 s, started again";
    }
}
