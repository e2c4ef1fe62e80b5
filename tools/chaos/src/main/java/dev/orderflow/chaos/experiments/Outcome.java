package dev.orderflow.chaos.experiments;

import java.util.List;

import dev.orderflow.audit.AuditReport;
import dev.orderflow.audit.Finding;

/** The result of one experiment: one row of the table. */
public record Outcome(String scenario, String injected, SteadyLoad.Result load, AuditReport audit,
                      List<String> violations) {

    /** Passed: the audit found nothing, nothing was left settling, and the scenario's own checks held. */
    public boolean passed() {
        return audit.healthy() && audit.unsettled() == 0 && violations.isEmpty();
    }

    public long count(Finding.Kind kind) {
        return audit.count(kind);
    }
}
