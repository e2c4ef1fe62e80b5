package dev.orderflow.delivery.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.orderflow.events.DeliveryCancelled;
import dev.orderflow.events.DeliveryFailed;
import dev.orderflow.events.DeliveryScheduled;
import dev.orderflow.events.DomainEvent;

/** The delivery of one order (at most one per order), deciding its own events. */
@Entity
@Table(name = "delivery")
public class Delivery {

    @Id
    private UUID id;

    @Column(name = "order_id", nullable = false, unique = true)
    private UUID orderId;

    // null only while unknown: a delivery recorded from an OrderCancelled that overtook its OrderPlaced
    @Column(name = "customer_id")
    private String customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryStatus status;

    @Column(name = "failure_reason")
    private String failureReason;

    private String courier;

    @Column(name = "estimated_delivery_date")
    private LocalDate estimatedDeliveryDate;

    @Column(length = 2)
    private String country;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    // null until first stored: it tells Spring Data's save() that the aggregate is new, which then persists it;
    // with a primitive version and an assigned id it would merge, reading the row first and then bumping the version
    @Version
    private Long version;

    protected Delivery() {
    }

    /** A new delivery and the event announcing the decision. */
    public record Decision(Delivery delivery, DomainEvent event) {
    }

    /**
     * Schedules the delivery of the customer's order when the area covers its country, and records a failure
     * otherwise.
     */
    public static Decision decide(UUID orderId, String customerId, String country, ServiceArea area,
                                  CourierAssignment couriers, Clock clock) {
        Delivery delivery = new Delivery(orderId, Objects.requireNonNull(customerId, "customerId"), country,
                clock.instant());
        if (!area.covers(country)) {
            delivery.status = DeliveryStatus.FAILED;
            delivery.failureReason = FailureReason.ADDRESS_NOT_SERVICEABLE;
            return new Decision(delivery, new DeliveryFailed(orderId, delivery.id, delivery.failureReason));
        }
        delivery.status = DeliveryStatus.SCHEDULED;
        delivery.courier = couriers.courierFor(orderId);
        delivery.estimatedDeliveryDate = couriers.estimatedDeliveryDate(LocalDate.now(clock));
        return new Decision(delivery, new DeliveryScheduled(orderId, delivery.id, delivery.courier,
                delivery.estimatedDeliveryDate));
    }

    /**
     * The order was cancelled before its OrderPlaced was ever applied (it was dead-lettered, say): a cancelled
     * delivery is recorded so that OrderPlaced, should it come later, schedules nothing. Whose order it is, only
     * OrderPlaced says: until it comes ({@link #identifyCustomer}), the delivery has no customer.
     */
    public static Decision cancelledBeforeScheduling(UUID orderId, Instant now) {
        Delivery delivery = new Delivery(orderId, null, null, now);
        delivery.status = DeliveryStatus.CANCELLED;
        return new Decision(delivery, new DeliveryCancelled(orderId, delivery.id));
    }

    /** The OrderPlaced that came after the cancellation names the customer, who may then see the delivery. */
    public void identifyCustomer(String customer) {
        if (customerId == null) {
            customerId = Objects.requireNonNull(customer, "customer");
        }
    }

    /** Calls off a scheduled delivery; a failed or cancelled one has nothing to call off. */
    public Optional<DeliveryCancelled> cancel(Instant now) {
        if (status != DeliveryStatus.SCHEDULED) {
            return Optional.empty();
        }
        status = DeliveryStatus.CANCELLED;
        updatedAt = now;
        return Optional.of(new DeliveryCancelled(orderId, id));
    }

    private Delivery(UUID orderId, String customerId, String country, Instant now) {
        this.id = UUID.randomUUID();
        this.orderId = orderId;
        this.customerId = customerId;
        this.country = country;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    /** Empty while unknown: see {@link #cancelledBeforeScheduling}. */
    public Optional<String> customerId() {
        return Optional.ofNullable(customerId);
    }

    public DeliveryStatus status() {
        return status;
    }

    public Optional<String> failureReason() {
        return Optional.ofNullable(failureReason);
    }

    public Optional<String> courier() {
        return Optional.ofNullable(courier);
    }

    public Optional<LocalDate> estimatedDeliveryDate() {
        return Optional.ofNullable(estimatedDeliveryDate);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
