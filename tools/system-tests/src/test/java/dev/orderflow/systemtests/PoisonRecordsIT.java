package dev.orderflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.orderflow.chaos.experiments.Experiment;
import dev.orderflow.chaos.experiments.Outcome;
import dev.orderflow.chaos.experiments.PoisonRecords;
import dev.orderflow.chaos.experiments.ResultTable;

/**
 * Garbage on both contract topics while orders flow (random bytes, JSON of the wrong shape, unknown types and
 * versions, missing headers, null values): every record ends in its .DLT topic, no genuine event does, the consumers
 * keep going, the real order the garbage names does not change, and the audit finds nothing.
 */
@ExtendWith(SystemStackExtension.class)
class PoisonRecordsIT {

    private final SystemStack system;

    PoisonRecordsIT(SystemStack system) {
        this.system = system;
    }

    @Test
    void everyPoisonRecordIsDeadLetteredWhileTheSagasGoOnUntouched() {
        Outcome outcome = new Experiment(ChaosLab.of(system)).run(new PoisonRecords());

        assertThat(outcome.passed()).as(ResultTable.of(List.of(outcome)) + outcome.audit().findings()).isTrue();
        assertThat(outcome.load().accepted()).isNotEmpty();
    }
}
