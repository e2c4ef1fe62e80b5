package dev.orderflow.chaos.experiments;

import java.time.Duration;

import dev.orderflow.stack.Component;

/** PostgreSQL stops under load and comes back: requests fail cleanly, listeners retry, nothing half-done remains. */
public final class DatabaseRestart implements Scenario {

    private static final Duration DOWN = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "database-restart";
    }

    @Override
    public String inject(Lab lab, SteadyLoad load) {
        lab.stop(Component.POSTGRES);
        Lab.pause(DOWN);
        lab.start(Component.POSTGRES);
        return "PostgreSQL stopped, down 10 s, started again";
    }
}
