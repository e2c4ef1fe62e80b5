package dev.orderflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.orderflow.chaos.experiments.BrokerRestart;
import dev.orderflow.chaos.experiments.DatabaseRestart;
import dev.orderflow.chaos.experiments.Experiment;
import dev.orderflow.chaos.experiments.Outcome;
import dev.orderflow.chaos.experiments.RelayKilledBeforeMarking;
import dev.orderflow.chaos.experiments.ResultTable;
import dev.orderflow.chaos.experiments.Scenario;
import dev.orderflow.stack.Component;

/**
 * Short versions of the chaos experiments of tools/chaos ({@code ./stack chaos}), so that CI keeps their guarantee:
 * a small steady load, one fault, and an audit with nothing lost, inconsistent, duplicated or stuck. The scenarios
 * that need other service settings (Chaos Monkey profile, a short deadline) run only in the full experiment.
 */
@ExtendWith(SystemStackExtension.class)
class ChaosScenariosIT {

    private final SystemStack system;

    ChaosScenariosIT(SystemStack system) {
        this.system = system;
    }

    @AfterEach
    void restoreTheSystem() {
        for (Component component : Component.values()) {
            system.ensureRunning(component);
        }
    }

    @Test
    void aKafkaBrokerRestartUnderLoadLosesNothing() {
        assertPasses(new BrokerRestart());
    }

    @Test
    void aPostgresRestartUnderLoadLosesNothing() {
        assertPasses(new DatabaseRestart());
    }

    @Test
    void anOutboxRelayKilledAfterSendingAndBeforeMarkingPutsDuplicatesOnTheWireAndNoneIntoTheSaga() {
        RelayKilledBeforeMarking scenario = new RelayKilledBeforeMarking(1);

        assertPasses(scenario);
        assertThat(scenario.repeatedIds()).as("events sent more than once").isPositive();
    }

    private void assertPasses(Scenario scenario) {
        Outcome outcome = new Experiment(ChaosLab.of(system)).run(scenario);

        assertThat(outcome.passed()).as(ResultTable.of(List.of(outcome)) + outcome.audit().findings()).isTrue();
    }
}
