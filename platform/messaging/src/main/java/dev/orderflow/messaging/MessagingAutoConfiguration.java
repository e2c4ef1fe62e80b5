package dev.orderflow.messaging;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import dev.orderflow.events.EventCodec;
import dev.orderflow.events.Topics;
import tools.jackson.databind.json.JsonMapper;

/**
 * The messaging machinery every service gets by depending on this module: Kafka clients with the contract's
 * serialisation, the outbox and its relay, the inbox-guarded listener and dead-letter error handling.
 * Kafka connection settings stay Spring Boot's {@code spring.kafka.*}.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableKafka
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    MessagingMetrics messagingMetrics(MeterRegistry registry) {
        return new MessagingMetrics(registry);
    }

    @Bean
    EventTracing eventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new EventTracing(tracer.getIfAvailable(), propagator.getIfAvailable());
    }

    @Bean
    ProducerFactory<String, byte[]> kafkaProducerFactory(KafkaProperties kafka, MeterRegistry registry) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // No duplicates or reordering from producer retries, and nothing acknowledged before all replicas have it.
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // The relay batches itself (it sends a batch, then waits for every acknowledgement), so the producer's
        // own batching delay (linger.ms, 5 ms by default since Kafka 4.0) only adds latency: up to 5 ms per
        // publish, two publishes per saga (tools/benchmarks, time to consistency). Still overridable.
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(config);
        factory.addListener(new MicrometerProducerListener<>(registry));
        return factory;
    }

    /** Observed sends: a producer span per record, and its trace context in the record's traceparent header. */
    @Bean
    KafkaTemplate<String, byte[]> kafkaTemplate(ProducerFactory<String, byte[]> producerFactory) {
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(producerFactory);
        template.setObservationEnabled(true);
        return template;
    }

    @Bean
    ConsumerFactory<String, byte[]> kafkaConsumerFactory(KafkaProperties kafka, MeterRegistry registry) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        // Bytes in, decoding in the listener: a malformed record becomes a handled error, not a stuck partition.
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // A consumer that dies without leaving the group (SIGKILL, OOM, lost node) keeps its partitions until its
        // session times out: 45 s by default, during which its sagas wait. Heartbeats go every 3 s, so 10 s still
        // tolerates two lost heartbeats and a GC pause (tools/benchmarks, recovery). Still overridable.
        config.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        // What one poll returns is applied in one transaction (IncomingEvents): 100 keeps a backlog's
        // transactions, and the row locks they hold, well under a second. Still overridable.
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        DefaultKafkaConsumerFactory<String, byte[]> factory = new DefaultKafkaConsumerFactory<>(config);
        // Kafka's own client metrics, consumer lag (records-lag-max) among them.
        factory.addListener(new MicrometerConsumerListener<>(registry));
        return factory;
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> kafkaListenerContainerFactory(
            ConsumerFactory<String, byte[]> consumerFactory, KafkaTemplate<String, byte[]> kafkaTemplate,
            MessagingProperties properties, MessagingMetrics metrics) {
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumerFactory);
        factory.setConcurrency(properties.consumer().concurrency());
        factory.setCommonErrorHandler(DeadLetterErrorHandling.create(kafkaTemplate, properties.consumer(), metrics));
        // No container observation: spring-kafka observes record listeners only, and IncomingEvents consumes
        // batches; it makes each record's consumer span itself (EventTracing.consuming).
        return factory;
    }

    /** Every service declares the whole contract, so a consumer never waits for its producer to start first. */
    @Bean
    KafkaAdmin.NewTopics contractTopics(MessagingProperties properties) {
        return new KafkaAdmin.NewTopics(Stream.of(Topics.ORDER_EVENTS, Topics.DELIVERY_EVENTS)
                .flatMap(topic -> Stream.of(topic, topic + DeadLetterErrorHandling.DEAD_LETTER_SUFFIX))
                .map(topic -> TopicBuilder.name(topic).partitions(properties.partitions()).build())
                .toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }

    @Bean
    Inbox inbox(DataSource dataSource) {
        return new Inbox(JdbcClient.create(dataSource));
    }

    @Bean
    OutboxStore outboxStore(DataSource dataSource) {
        return new OutboxStore(JdbcClient.create(dataSource), JsonMapper.builder().build());
    }

    @Bean
    OutboxRelay outboxRelay(OutboxStore store, Inbox inbox, MessagingMetrics metrics, EventTracing tracing,
                            KafkaTemplate<String, byte[]> kafkaTemplate,
                            PlatformTransactionManager transactionManager, MessagingProperties properties,
                            ObjectProvider<Clock> clock) {
        Clock effectiveClock = clock.getIfAvailable(Clock::systemUTC);
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        RetentionPurge purge = new RetentionPurge(store, inbox, transaction, properties.retention(), effectiveClock);
        return new OutboxRelay(store, purge, metrics, tracing, kafkaTemplate, transaction, properties.relay(),
                effectiveClock);
    }

    @Bean
    Outbox outbox(DataSource dataSource, EventCodec codec, OutboxRelay relay, EventTracing tracing,
                  ObjectProvider<Clock> clock) {
        return new JdbcOutbox(JdbcClient.create(dataSource), codec, JsonMapper.builder().build(),
                clock.getIfAvailable(Clock::systemUTC), relay, tracing);
    }

    @Bean
    EventHandlers eventHandlers(List<EventHandler<?>> handlers) {
        return new EventHandlers(handlers);
    }

    @Bean
    IncomingEvents incomingEvents(EventCodec codec, EventHandlers eventHandlers, Inbox inbox,
                                  PlatformTransactionManager transactionManager, EventTracing tracing,
                                  MessagingMetrics metrics) {
        return new IncomingEvents(codec, eventHandlers, inbox, new TransactionTemplate(transactionManager), tracing,
                metrics);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class WebCorrelation {

        @Bean
        FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
            FilterRegistrationBean<CorrelationIdFilter> registration =
                    new FilterRegistrationBean<>(new CorrelationIdFilter());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
