package dev.orderflow.chaos.experiments;

import java.time.Duration;
import java.time.Instant;

import dev.orderflow.audit.AuditReport;
import dev.orderflow.audit.ConsistencyAuditor;

/** Waits until every order can be judged (none is still settling), then answers the audit. */
final class Convergence {

    private static final Duration POLL = Duration.ofSeconds(2);

    private Convergence() {
    }

    /** The first audit with nothing left settling, or the last one taken when {@code timeout} runs out. */
    static AuditReport awaitSettled(ConsistencyAuditor auditor, Duration timeout) {
        Instant giveUp = Instant.now().plus(timeout);
        AuditReport last = null;
        while (true) {
            try {
                last = auditor.audit();
                if (last.unsettled() == 0) {
                    return last;
                }
            } catch (RuntimeException gatewayNotReady) {
                // the gateway's breaker may still be open right after a fault: ask again
            }
            if (Instant.now().isAfter(giveUp)) {
                if (last == null) {
                    return auditor.audit();
                }
                return last;
            }
            Lab.pause(POLL);
        }
    }
}
