package dev.orderflow.chaos.experiments;

import java.time.Duration;
import java.util.List;

/**
 * One chaos experiment: a fault injected into the running system while {@link SteadyLoad} places orders. The
 * {@link Experiment} around it is always the same: prepare, load, inject, stop the load, wait for convergence,
 * audit, verify, restore.
 */
public sealed interface Scenario permits ServiceKill, BrokerRestart, DatabaseRestart, ConsumerLatency,
        ConsumerExceptions, RelayKilledBeforeMarking, PoisonRecords, DeliveryOutageBeyondDeadline {

    /** The name on the command line and in the table. */
    String name();

    /** Before the load starts: settings the fault needs (a profile, a shorter deadline), watchers. */
    default void prepare(Lab lab) {
    }

    /** Injects the fault while the load runs and heals it before returning; answers what was injected. */
    String inject(Lab lab, SteadyLoad load);

    /** The saga deadline order-service runs with during this experiment: the audit judges with it. */
    default Duration deadline(Lab lab) {
        return lab.deadline();
    }

    /** Checks of this fault beyond the audit, after convergence: what went wrong, empty when nothing did. */
    default List<String> verify(Lab lab, SteadyLoad.Result load) {
        return List.of();
    }

    /** What was observed beyond the audit (evidence that the fault really hit), for the table. */
    default String observed() {
        return "";
    }

    /** After the audit: puts back what {@link #prepare} changed. */
    default void restore(Lab lab) {
    }

    static List<Scenario> all() {
        return List.of(new ServiceKill(), new BrokerRestart(), new DatabaseRestart(), new ConsumerLatency(),
                new ConsumerExceptions(), new RelayKilledBeforeMarking(), new PoisonRecords(),
                new DeliveryOutageBeyondDeadline());
    }

    static Scenario named(String name) {
        return all().stream().filter(scenario -> scenario.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + name + "'; choose one of "
                        + all().stream().map(Scenario::name).toList() + " or all"));
    }
}
