package dev.orderflow.stack;

import java.time.Instant;
import java.util.Optional;

/**
 * A process the stack started, remembered by pid and start time: a pid alone could have been reused by an
 * unrelated process since.
 */
record RunningProcess(long pid, Optional<Instant> startedAt) {

    static RunningProcess of(ProcessHandle process) {
        return new RunningProcess(process.pid(), process.info().startInstant());
    }

    /** The live process, if it is still the one we started. */
    Optional<ProcessHandle> handle() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> startedAt.isEmpty() || process.info().startInstant().isEmpty()
                        || process.info().startInstant().equals(startedAt));
    }

    boolean isAlive() {
        return handle().isPresent();
    }
}
