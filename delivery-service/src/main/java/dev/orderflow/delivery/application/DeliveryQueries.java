package dev.orderflow.delivery.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.orderflow.delivery.domain.Deliveries;
import dev.orderflow.delivery.domain.Delivery;
import dev.orderflow.delivery.domain.DeliveryNotFound;
import dev.orderflow.delivery.domain.DeliverySearch;

/** Reading deliveries as the caller may see them ({@link DeliveryAccessPolicy}). */
@Service
@Transactional(readOnly = true)
public class DeliveryQueries {

    /** One page of deliveries and how many there are on all pages. */
    public record Found(List<Delivery> deliveries, long total) {
    }

    private final Deliveries deliveries;
    private final DeliveryAccessPolicy access;

    DeliveryQueries(Deliveries deliveries, DeliveryAccessPolicy access) {
        this.deliveries = deliveries;
        this.access = access;
    }

    /** The delivery; one the caller may not see is not found, exactly like an id that does not exist. */
    public Delivery delivery(Caller caller, UUID id) {
        return deliveries.find(id).filter(delivery -> access.maySee(caller, delivery))
                .orElseThrow(() -> new DeliveryNotFound(id));
    }

    /** The order's delivery, if there is one the caller may see. */
    public Optional<Delivery> deliveryOfOrder(Caller caller, UUID orderId) {
        return deliveries.findByOrder(orderId).filter(delivery -> access.maySee(caller, delivery));
    }

    public Found search(Caller caller, DeliverySearch search) {
        DeliverySearch visible = access.visibleSearch(caller, search);
        return new Found(deliveries.list(visible), deliveries.count(visible));
    }
}
