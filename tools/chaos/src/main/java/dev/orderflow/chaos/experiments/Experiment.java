package dev.orderflow.chaos.experiments;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.orderflow.audit.AuditReport;
import dev.orderflow.audit.Finding;

/**
 * Runs one {@link Scenario}: prepare, start the steady load, let it warm up, inject the fault (which heals it), keep
 * the load going until its duration is over, stop it, wait until every saga has settled, audit, verify, restore. A
 * scenario that breaks down half-way still ends with the audit, and fails.
 */
public final class Experiment {

    /** Kafka hands a killed consumer's partitions over after its session timeout (45 s). */
    private static final Duration KAFKA_SESSION_TIMEOUT = Duration.ofSeconds(45);

    private final Lab lab;

    public Experiment(Lab lab) {
        this.lab = lab;
    }

    public Outcome run(Scenario scenario) {
        Narrator.say("--- " + scenario.name() + " ---");
        List<String> violations = new ArrayList<>();
        String injected = "nothing (aborted)";
        SteadyLoad.Result placed = new SteadyLoad.Result(List.of(), 0, 0, 0);
        try {
            scenario.prepare(lab);
            Instant start = Instant.now();
            SteadyLoad load = SteadyLoad.start(lab.gateway(), lab.automationToken(), lab.rate());
            try {
                Lab.pause(lab.loadDuration().dividedBy(3));
                injected = scenario.inject(lab, load);
                Duration left = lab.loadDuration().minus(Duration.between(start, Instant.now()));
                if (!left.isNegative()) {
                    Lab.pause(left);
                }
            } finally {
                placed = load.finish();
            }
        } catch (RuntimeException e) {
            violations.add("the experiment broke down: " + e);
        }
        Narrator.say(scenario.name() + ": " + placed.accepted().size() + " orders accepted, " + placed.retries()
                + " retried requests; waiting for the sagas to settle");
        Duration deadline = scenario.deadline(lab);
        AuditReport audit = Convergence.awaitSettled(lab.auditor(deadline),
                deadline.plus(KAFKA_SESSION_TIMEOUT).plus(lab.settleTime()).plus(Duration.ofSeconds(60)));
        if (violations.isEmpty()) {
            violations.addAll(scenario.verify(lab, placed));
        }
        if (placed.refused() > 0) {
            // A careful client's order is never refused: a token or the access policy is wrong, and an experiment
            // whose orders were all refused would otherwise pass with nothing to audit.
            violations.add(placed.refused() + " orders refused with a 4xx answer");
        }
        violations.addAll(AcceptedOrders.missing(Gateway.of(lab), placed.accepted()));
        audit.findings().stream().limit(10).map(Finding::toString).forEach(finding -> Narrator.say("finding: " + finding));
        violations.forEach(violation -> Narrator.say("violation: " + violation));
        String observed = scenario.observed();
        try {
            scenario.restore(lab);
        } catch (RuntimeException e) {
            violations.add("could not restore the system: " + e);
        }
        if (placed.givenUp() > 0) {
            // Availability, not consistency: the client stopped retrying while a service was down or restarting.
            observed = (observed.isEmpty() ? "" : observed + "; ") + placed.givenUp()
                    + " orders given up by the client after 90 s of retries";
        }
        Outcome outcome = new Outcome(scenario.name(), observed.isEmpty() ? injected : injected + "; " + observed,
                placed, audit, violations);
        Narrator.say(scenario.name() + ": " + audit.summary() + " -> " + (outcome.passed() ? "PASS" : "FAIL"));
        return outcome;
    }
}
