package dev.orderflow.delivery.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The deliveries the service keeps (a port; persistence implements it). */
public interface Deliveries {

    void add(Delivery delivery);

    Optional<Delivery> find(UUID id);

    Optional<Delivery> findByOrder(UUID orderId);

    /** One page of the deliveries that match, newest first. */
    List<Delivery> list(DeliverySearch search);

    /** How many deliveries match, on all pages. */
    long count(DeliverySearch search);
}
