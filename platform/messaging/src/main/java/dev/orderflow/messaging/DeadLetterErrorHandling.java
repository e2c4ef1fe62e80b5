package dev.orderflow.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;

import dev.orderflow.events.EventDecodingException;

/**
 * What happens to a record whose processing throws. Transient failures (database down, lock conflicts) are
 * retried in place with exponential backoff, so the partition's order holds; a record that still fails
 * after the retry time, and a poison record at once, is published to {@code <topic>.DLT} with the error in
 * the {@code kafka_dlt-*} headers, and the partition moves on. Each failed attempt is one WARN line naming the
 * record and its failure; only a dead letter that cannot be published is an ERROR.
 */
final class DeadLetterErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterErrorHandling.class);

    static final String DEAD_LETTER_SUFFIX = ".DLT";

    private DeadLetterErrorHandling() {
    }

    static DefaultErrorHandler create(KafkaTemplate<String, byte[]> template, MessagingProperties.Consumer settings,
                                      MessagingMetrics metrics) {
        // Partition -1 lets the producer choose by key: the dead-letter topic may have any partition count.
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> {
                    log.warn("Dead-lettering {} (key {}): {}", position(record), record.key(),
                            ownFailure(exception).toString());
                    metrics.deadLettered(record.topic());
                    return new TopicPartition(record.topic() + DEAD_LETTER_SUFFIX, -1);
                });
        ExponentialBackOff backOff = new ExponentialBackOff(settings.initialBackoff().toMillis(),
                settings.backoffMultiplier());
        backOff.setMaxInterval(settings.maxBackoff().toMillis());
        backOff.setMaxElapsedTime(settings.maxRetryTime().toMillis());
        ConsumerAwareRecordRecoverer namingTheRecordsOwnFailure = (record, consumer, exception) ->
                recoverer.accept(record, consumer, failureOfTheRecord(exception,
                        consumer == null ? null : consumer.groupMetadata().groupId()));
        DefaultErrorHandler handler = new DefaultErrorHandler(namingTheRecordsOwnFailure, backOff);
        handler.addNotRetryableExceptions(EventDecodingException.class);
        // A retry is expected (the database restarting, a lock conflict): without this the container logs each
        // one at ERROR with the whole stack trace ("Record in retry and not yet recovered"); FailureLog says it.
        handler.setLogLevel(KafkaException.Level.DEBUG);
        handler.setRetryListeners(new FailureLog());
        return handler;
    }

    /**
     * What the error handler does with a failed record, one line each. The failures are logged as text: a
     * Throwable as the last argument would be taken for the line's stack trace.
     */
    private static final class FailureLog implements RetryListener {

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, Exception exception, int attempt) {
            log.warn("Attempt {} at {} (key {}) failed: {}", attempt, position(record), record.key(),
                    ownFailure(exception).toString());
        }

        @Override
        public void recoveryFailed(ConsumerRecord<?, ?> record, Exception original, Exception failure) {
            log.error("Could not dead-letter {} (key {}); it stays where it is and is tried again", position(record),
                    record.key(), failure);
        }
    }

    /** The record's failure inside the listener container's wrappers. */
    private static Throwable ownFailure(Throwable exception) {
        Throwable failure = exception;
        while ((failure instanceof BatchListenerFailedException || failure instanceof ListenerExecutionFailedException)
                && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }

    private static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /**
     * The batch listener reports a failed record as {@link BatchListenerFailedException}; the dead letter's
     * {@code kafka_dlt-exception-*} headers are to name the record's own failure, not that wrapper.
     */
    private static Exception failureOfTheRecord(Exception exception, String groupId) {
        Throwable own = ownFailure(exception);
        // the group id fills the dead letter's kafka_dlt-original-consumer-group header
        return own == exception ? exception : new ListenerExecutionFailedException(own.getMessage(), groupId, own);
    }
}
