package dev.orderflow.messaging;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that must happen once per committed change, not once per attempt: a transaction that rolls back
 * (a listener's batch that failed and is applied again one event at a time, a failed commit) must not have
 * counted, logged or woken anything.
 */
public final class AfterCommit {

    private static final Logger log = LoggerFactory.getLogger(AfterCommit.class);

    private AfterCommit() {
    }

    /**
     * Runs the work after the current transaction commits, with the logging context (correlation and trace
     * ids) it was registered in; at once when there is no transaction. Values the work reads from objects the
     * rest of the transaction may still change are to be taken before.
     */
    public static void run(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            work.run();
            return;
        }
        Map<String, String> loggingContext = MDC.getCopyOfContextMap();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                Map<String, String> current = MDC.getCopyOfContextMap();
                restore(loggingContext);
                try {
                    work.run();
                } catch (RuntimeException e) {
                    // The change is committed: a failure here must neither skip the work registered after this
                    // one nor reach the caller, which would take its committed transaction for a failed one.
                    log.warn("Work after a commit failed", e);
                } finally {
                    restore(current);
                }
            }
        });
    }

    private static void restore(Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }
}
