package dev.orderflow.chaos.experiments;

import java.util.List;

import dev.orderflow.audit.Finding.Kind;

/** The experiments' results as one Markdown table: the same text goes to the terminal and to docs/reliability.md. */
public final class ResultTable {

    private ResultTable() {
    }

    public static String of(List<Outcome> outcomes) {
        StringBuilder table = new StringBuilder();
        table.append("| scenario | injected | orders | total | lost | inconsistent | duplicated | stuck | verdict |\n");
        table.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (Outcome outcome : outcomes) {
            table.append("| %s | %s | %d | %d | %d | %d | %d | %d | %s |\n".formatted(outcome.scenario(),
                    outcome.injected().replace("|", "/"), outcome.load().accepted().size(), outcome.audit().total(),
                    outcome.count(Kind.LOST), outcome.count(Kind.INCONSISTENT), outcome.count(Kind.DUPLICATED),
                    outcome.count(Kind.STUCK), verdict(outcome)));
        }
        return table.toString();
    }

    private static String verdict(Outcome outcome) {
        if (outcome.passed()) {
            return "PASS";
        }
        if (outcome.audit().unsettled() > 0) {
            return "FAIL (" + outcome.audit().unsettled() + " never settled)";
        }
        return "FAIL" + (outcome.violations().isEmpty() ? "" : " (" + String.join("; ", outcome.violations()) + ")");
    }
}
