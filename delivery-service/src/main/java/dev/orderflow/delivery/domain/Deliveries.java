package dev.orderflow.delivery.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The deliveries the service keeps (a port; persistence implements it). */
public interface Deliveries {

    void add(Delivery delivery);

    Optional<Delivery> find(UUID id);

    Optional<Delivery> findByOrder(UUID orderId);

    /** Newest first; a null status matches all. Pages count from 0. */
    List<Delivery> list(DeliveryStatus status, int page, int size);

    long count(DeliveryStatus status);
}
