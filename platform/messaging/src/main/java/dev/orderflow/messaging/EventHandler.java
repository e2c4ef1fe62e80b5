package dev.orderflow.messaging;

import dev.orderflow.events.DomainEvent;

/**
 * What a service does when an event of one type arrives. It runs in a transaction together with the inbox
 * record, exactly once per event id; events it adds to the {@link Outbox} join that transaction. Throwing
 * rolls everything back and the event is retried.
 */
public interface EventHandler<E extends DomainEvent> {

    Class<E> eventType();

    void handle(E event);
}
