package dev.orderflow.order.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The orders the service keeps (a port; persistence implements it). */
public interface Orders {

    void add(Order order);

    Optional<Order> find(UUID id);

    default Order get(UUID id) {
        return find(id).orElseThrow(() -> new OrderNotFound(id));
    }

    /** Ids of orders still PENDING that were placed before the cutoff, oldest first. */
    List<UUID> pendingPlacedBefore(Instant cutoff, int limit);

    ResultPage<Order> search(OrderSearch search);
}
