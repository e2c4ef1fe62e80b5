package dev.orderflow.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class StackStateTest {

    @TempDir
    Path dataDir;

    @Test
    void remembersPortsAndProcessesAcrossCommands() {
        Ports ports = new Ports(9080, 9081, 9082, 25432, 29092, 29093, 29180, 29080, 29081, 29082, 29190);

        StackState.update(dataDir, state -> {
            state.ports(ports);
            state.started(Component.KAFKA, ProcessHandle.current());
        });

        StackState read = StackState.read(dataDir);
        assertThat(read.ports()).hasValue(ports);
        assertThat(read.process(Component.KAFKA)).hasValueSatisfying(process -> {
            assertThat(process.pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(process.isAlive()).isTrue();
        });
        assertThat(read.process(Component.ORDER_SERVICE)).isEmpty();
    }

    @Test
    void aRecordedPidNowUsedByAnotherProcessDoesNotCount() {
        RunningProcess recorded = new RunningProcess(ProcessHandle.current().pid(),
                ProcessHandle.current().info().startInstant().map(at -> at.minusSeconds(3600)));

        assertThat(recorded.isAlive()).isFalse();
    }

    @Test
    void changesFromManyThreadsOfOneJvmAreAllKept() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (Component component : Component.values()) {
            Thread thread = new Thread(() -> StackState.update(dataDir,
                    state -> state.started(component, ProcessHandle.current())));
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        StackState state = StackState.read(dataDir);
        for (Component component : Component.values()) {
            assertThat(state.process(component)).as(component.id()).isPresent();
        }
    }

    @Test
    void aStoppedComponentIsForgotten() {
        StackState.update(dataDir, state -> state.started(Component.API_GATEWAY, ProcessHandle.current()));

        StackState.update(dataDir, state -> state.stopped(Component.API_GATEWAY));

        assertThat(StackState.read(dataDir).process(Component.API_GATEWAY)).isEmpty();
    }
}
