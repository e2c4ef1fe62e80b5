package dev.orderflow.messaging;

import dev.orderflow.events.DomainEvent;

/**
 * Where a service puts the events its state changes cause. Adding is part of the caller's transaction:
 * the events are published if and only if that transaction commits.
 */
public interface Outbox {

    void add(DomainEvent event);
}
