package dev.orderflow.audit;

import java.util.List;

/** The audit's verdict: how many orders were judged and what was found. Healthy means nothing was found. */
public record AuditReport(int total, int unsettled, List<Finding> findings) {

    public long count(Finding.Kind kind) {
        return findings.stream().filter(finding -> finding.kind() == kind).count();
    }

    public boolean healthy() {
        return findings.isEmpty();
    }

    /** One table row: total | lost | inconsistent | duplicated | stuck. */
    public String summary() {
        return "total %d | lost %d | inconsistent %d | duplicated %d | stuck %d%s".formatted(total,
                count(Finding.Kind.LOST), count(Finding.Kind.INCONSISTENT), count(Finding.Kind.DUPLICATED),
                count(Finding.Kind.STUCK), unsettled > 0 ? " | still settling " + unsettled : "");
    }
}
