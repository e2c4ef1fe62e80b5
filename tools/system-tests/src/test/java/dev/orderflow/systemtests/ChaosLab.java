package dev.orderflow.systemtests;

import java.time.Duration;

import dev.orderflow.chaos.experiments.Lab;
import dev.orderflow.stack.Console;

/** The chaos experiments of tools/chaos, short: run against the one system stack of the test run. */
final class ChaosLab {

    /** The system tests' stack runs order-service with this saga deadline (see {@link SystemStack}). */
    static final Duration DEADLINE = Duration.ofMinutes(5);
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final double ORDERS_PER_SECOND = 2;
    private static final Duration LOAD = Duration.ofSeconds(12);

    private ChaosLab() {
    }

    static Lab of(SystemStack system) {
        return new Lab(system.stack(), Console.plain(System.out), DEADLINE, SETTLE, ORDERS_PER_SECOND, LOAD);
    }
}
