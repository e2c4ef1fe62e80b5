package dev.orderflow.chaos.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orderflow.audit.AuditReport;
import dev.orderflow.audit.Finding;

class ResultTableTest {

    @Test
    void printsOneRowPerScenarioWithTheAuditColumnsAndTheVerdict() {
        SteadyLoad.Result load = new SteadyLoad.Result(List.of(UUID.randomUUID(), UUID.randomUUID()), 0, 0, 3);
        Outcome clean = new Outcome("broker-restart", "Kafka down 10 s", load, new AuditReport(40, 0, List.of()), List.of());
        Outcome dirty = new Outcome("service-kill", "SIGKILL | all", load, new AuditReport(42, 0,
                List.of(new Finding(Finding.Kind.DUPLICATED, UUID.randomUUID(), "2 deliveries"))), List.of());

        String table = ResultTable.of(List.of(clean, dirty));

        assertThat(table.lines()).hasSize(4);
        assertThat(table).contains("| broker-restart | Kafka down 10 s | 2 | 40 | 0 | 0 | 0 | 0 | PASS |");
        assertThat(table).contains("| service-kill | SIGKILL / all | 2 | 42 | 0 | 0 | 1 | 0 | FAIL |");
    }

    @Test
    void anExperimentWhoseSagasNeverSettledFails() {
        Outcome outcome = new Outcome("consumer-latency", "latency", new SteadyLoad.Result(List.of(), 0, 0, 0),
                new AuditReport(10, 3, List.of()), List.of());

        assertThat(outcome.passed()).isFalse();
        assertThat(ResultTable.of(List.of(outcome))).contains("FAIL (3 never settled)");
    }
}
