package dev.orderflow.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox relay, the inbox and the consumers ({@code orderflow.messaging.*}).
 *
 * @param partitions  partitions of every contract topic: the most consumer instances x threads that share work
 * @param relay       how the outbox reaches Kafka
 * @param retention   how long sent outbox rows and processed event ids are kept; longer than any redelivery
 * @param consumer    how events are consumed and retried
 */
@ConfigurationProperties("orderflow.messaging")
public record MessagingProperties(
        @DefaultValue("6") int partitions,
        @DefaultValue Relay relay,
        @DefaultValue("7d") Duration retention,
        @DefaultValue Consumer consumer) {

    /**
     * @param enabled      false stops publishing (tests use it to simulate a crash between commit and publish)
     * @param pollInterval how often unsent rows are looked for when no commit woke the relay (another
     *                     instance's rows, rows left by a crash, rows whose send failed) and the backlog
     *                     gauges are measured
     * @param batchSize    rows sent per round trip; the relay loops while batches come back full
     * @param sendTimeout  how long a batch may wait for the broker's acknowledgements before it is retried
     * @param purgeInterval how often sent rows and old processed ids are deleted
     */
    public record Relay(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("500ms") Duration pollInterval,
            @DefaultValue("200") int batchSize,
            @DefaultValue("10s") Duration sendTimeout,
            @DefaultValue("10m") Duration purgeInterval) {
    }

    /**
     * @param concurrency        consumer threads per instance (at most the partition count is useful)
     * @param initialBackoff     first wait before a failed event is retried
     * @param backoffMultiplier  growth of the wait after each failure
     * @param maxBackoff         the longest single wait
     * @param maxRetryTime       after this long an event that still fails goes to the dead-letter topic
     *                           (its saga is then closed by the order deadline)
     */
    public record Consumer(
            @DefaultValue("3") int concurrency,
            @DefaultValue("200ms") Duration initialBackoff,
            @DefaultValue("2.0") double backoffMultiplier,
            @DefaultValue("5s") Duration maxBackoff,
            @DefaultValue("30s") Duration maxRetryTime) {
    }
}
