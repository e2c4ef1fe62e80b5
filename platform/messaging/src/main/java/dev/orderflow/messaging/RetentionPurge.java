package dev.orderflow.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes sent outbox rows and processed event ids older than the retention, in small transactions so that
 * a large backlog never holds long locks.
 */
class RetentionPurge implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
    private static final int CHUNK = 1_000;

    private final OutboxStore outbox;
    private final Inbox inbox;
    private final TransactionTemplate transaction;
    private final Duration retention;
    private final Clock clock;

    RetentionPurge(OutboxStore outbox, Inbox inbox, TransactionTemplate transaction, Duration retention,
                   Clock clock) {
        this.outbox = outbox;
        this.inbox = inbox;
        this.transaction = transaction;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public void run() {
        Instant cutoff = clock.instant().minus(retention);
        try {
            int outboxRows = purge(() -> outbox.purgeSentBefore(cutoff, CHUNK));
            int inboxRows = purge(() -> inbox.purgeProcessedBefore(cutoff, CHUNK));
            if (outboxRows + inboxRows > 0) {
                log.info("Purged {} sent outbox rows and {} processed event ids older than {}", outboxRows,
                        inboxRows, retention);
            }
        } catch (RuntimeException e) {
            log.warn("Retention purge failed, retrying at the next interval: {}", e.toString());
        }
    }

    private int purge(IntSupplier chunk) {
        int total = 0;
        int deleted;
        do {
            Integer inChunk = transaction.execute(status -> chunk.getAsInt());
            deleted = inChunk == null ? 0 : inChunk;
            total += deleted;
        } while (deleted == CHUNK);
        return total;
    }
}
