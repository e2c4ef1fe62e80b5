package dev.orderflow.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.registry.EntryAddedEvent;
import io.github.resilience4j.core.registry.EntryRemovedEvent;
import io.github.resilience4j.core.registry.EntryReplacedEvent;
import io.github.resilience4j.core.registry.RegistryEventConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Logs every breaker state change: the first thing an operator looks for when clients start seeing 503s. */
@Component
public class CircuitBreakerTransitionLogger implements RegistryEventConsumer<CircuitBreaker> {

    private static final Logger log = LoggerFactory.getLogger(CircuitBreakerTransitionLogger.class);

    @Override
    public void onEntryAddedEvent(EntryAddedEvent<CircuitBreaker> event) {
        CircuitBreaker breaker = event.getAddedEntry();
        breaker.getEventPublisher().onStateTransition(transition -> log.warn("Circuit breaker {}: {}",
                breaker.getName(), transition.getStateTransition()));
    }

    @Override
    public void onEntryRemovedEvent(EntryRemovedEvent<CircuitBreaker> event) {
    }

    @Override
    public void onEntryReplacedEvent(EntryReplacedEvent<CircuitBreaker> event) {
    }
}
