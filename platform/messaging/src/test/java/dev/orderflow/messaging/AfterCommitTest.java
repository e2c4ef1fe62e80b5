package dev.orderflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.transaction.support.TransactionTemplate;

import dev.orderflow.testinfra.NoResourceTransactions;

class AfterCommitTest {

    private final TransactionTemplate transaction = NoResourceTransactions.template();
    private final List<String> done = new ArrayList<>();

    @AfterEach
    void clearLoggingContext() {
        MDC.clear();
    }

    @Test
    void runsOnceTheTransactionHasCommitted() {
        transaction.executeWithoutResult(status -> {
            AfterCommit.run(() -> done.add("counted"));
            assertThat(done).isEmpty();
        });
        assertThat(done).containsExactly("counted");
    }

    @Test
    void neverRunsForATransactionThatRolledBack() {
        transaction.executeWithoutResult(status -> {
            AfterCommit.run(() -> done.add("counted"));
            status.setRollbackOnly();
        });
        assertThat(done).isEmpty();
    }

    @Test
    void runsAtOnceOutsideATransaction() {
        AfterCommit.run(() -> done.add("counted"));
        assertThat(done).containsExactly("counted");
    }

    @Test
    void runsWithTheLoggingContextItWasRegisteredIn() {
        transaction.executeWithoutResult(status -> {
            MDC.put("correlationId", "of-the-event");
            AfterCommit.run(() -> done.add(MDC.get("correlationId")));
            MDC.put("correlationId", "of-a-later-event");
        });
        assertThat(done).containsExactly("of-the-event");
        assertThat(MDC.get("correlationId")).isEqualTo("of-a-later-event");
    }
}
