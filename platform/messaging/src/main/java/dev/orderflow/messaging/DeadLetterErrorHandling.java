package dev.orderflow.messaging;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.ExponentialBackOff;

import dev.orderflow.events.EventDecodingException;

/**
 * What happens to a record whose processing throws. Transient failures (database down, lock conflicts) are
 * retried in place with exponential backoff, so the partition's order holds; a record that still fails
 * after the retry time, and a poison record at once, is published to {@code <topic>.DLT} with the error in
 * the {@code kafka_dlt-*} headers, and the partition moves on.
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
                    log.warn("Dead-lettering {}-{}@{} (key {}): {}", record.topic(), record.partition(),
                            record.offset(), record.key(), exception.getCause() != null
                                    ? exception.getCause().toString() : exception.toString());
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
        return handler;
    }

    /**
     * The batch listener reports a failed record as {@link BatchListenerFailedException}; the dead letter's
     * {@code kafka_dlt-exception-*} headers are to name the record's own failure, not that wrapper.
     */
    private static Exception failureOfTheRecord(Exception exception, String groupId) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof BatchListenerFailedException failed && failed.getCause() != null) {
                // the group id fills the dead letter's kafka_dlt-original-consumer-group header
                return new ListenerExecutionFailedException(failed.getCause().getMessage(), groupId,
                        failed.getCause());
            }
        }
        return exception;
    }
}
