package dev.orderflow.delivery.application;

import static dev.orderflow.delivery.application.Caller.Role.CUSTOMER;
import static dev.orderflow.delivery.application.Caller.Role.OPERATOR;

import org.springframework.stereotype.Component;

import dev.orderflow.delivery.domain.Delivery;
import dev.orderflow.delivery.domain.DeliverySearch;

/**
 * Who may see which deliveries, in one place. Deliveries change only through the saga's events, so the API only
 * reads: a customer reads and lists the deliveries of their own orders, an operator every delivery. To a customer,
 * another customer's delivery does not exist (404, as for an unknown id), and neither does a delivery whose
 * customer is not known (recorded from an OrderCancelled that overtook its OrderPlaced, or stored before
 * deliveries knew their customer): only operators see those.
 * <p>
 * The web layer asks {@link #mayReadDeliveries} before it reads a request (403 without the role); the queries
 * apply the rest to the deliveries themselves.
 */
@Component
public class DeliveryAccessPolicy {

    /** {@code GET /deliveries}, {@code GET /deliveries/{id}}: which deliveries, see below. */
    public boolean mayReadDeliveries(Caller caller) {
        return caller.is(CUSTOMER) || caller.is(OPERATOR);
    }

    /** Whether the caller may read this delivery; to anyone else it is answered as unknown. */
    public boolean maySee(Caller caller, Delivery delivery) {
        return caller.is(OPERATOR)
                || caller.is(CUSTOMER) && delivery.customerId().filter(caller.subject()::equals).isPresent();
    }

    /** A customer lists the deliveries of their own orders; an operator lists all. */
    public DeliverySearch visibleSearch(Caller caller, DeliverySearch requested) {
        if (caller.is(OPERATOR)) {
            return requested;
        }
        if (!caller.is(CUSTOMER)) {
            throw new AccessRefused("listing deliveries needs the role customer or operator");
        }
        return requested.ofCustomer(caller.subject());
    }
}
