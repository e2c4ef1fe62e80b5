package dev.orderflow.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.orderflow.events.DeliveryScheduled;
import dev.orderflow.events.OrderCancelled;
import dev.orderflow.events.OrderConfirmed;
import dev.orderflow.events.OrderPlaced;

/**
 * The order aggregate: a small state machine that decides its own events. Nothing outside it sets a status;
 * each method returns the event its change causes (empty when the change is a no-op, such as a late delivery
 * decision for an order that was already cancelled). Concurrent changes are caught by the version.
 */
@Entity
@Table(name = "customer_order")
public class Order {

    @Id
    private UUID id;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    @Column(name = "cancellation_reason")
    private String cancellationReason;

    @Column(name = "delivery_id")
    private UUID deliveryId;

    @Column(name = "total_amount", nullable = false)
    private BigDecimal totalAmount;

    @Embedded
    private DeliveryAddress deliveryAddress;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    private List<OrderLine> lines = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_history", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "seq")
    private List<HistoryEntry> history = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    // null until first stored: it tells Spring Data's save() that the aggregate is new, which then persists it;
    // with a primitive version and an assigned id it would merge, reading the row first and then bumping the version
    @Version
    private Long version;

    protected Order() {
    }

    /** The order and the event that starts its saga. */
    public record Placement(Order order, OrderPlaced event) {
    }

    public static Placement place(UUID id, String customerId, List<OrderLine> lines, DeliveryAddress address,
                                  Instant now) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
        Order order = new Order();
        order.id = id;
        order.customerId = customerId;
        order.lines = new ArrayList<>(lines);
        order.totalAmount = lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        order.deliveryAddress = address;
        order.createdAt = now;
        order.status = OrderStatus.PENDING;
        order.record(now, SagaStep.PLACED, null);
        return new Placement(order, order.placedEvent());
    }

    /** The saga's happy end; for an order decided meanwhile, only a note in the history. */
    public Optional<OrderConfirmed> confirmDelivery(DeliveryScheduled delivery, Instant now) {
        if (status != OrderStatus.PENDING) {
            record(now, SagaStep.LATE_DELIVERY_SCHEDULED, null);
            return Optional.empty();
        }
        moveTo(OrderStatus.CONFIRMED);
        deliveryId = delivery.deliveryId();
        record(now, SagaStep.CONFIRMED, null);
        return Optional.of(new OrderConfirmed(id, deliveryId));
    }

    /** The compensating transaction: the delivery failed, so the order is cancelled with its reason. */
    public Optional<OrderCancelled> compensateFailedDelivery(String failureReason, Instant now) {
        if (status != OrderStatus.PENDING) {
            record(now, SagaStep.LATE_DELIVERY_FAILED, failureReason);
            return Optional.empty();
        }
        return Optional.of(cancel(failureReason, now));
    }

    public OrderCancelled cancelOnCustomerRequest(Instant now) {
        return cancel(CancellationReason.CUSTOMER_REQUEST, now);
    }

    public OrderCancelled cancelOnOperatorRequest(Instant now) {
        return cancel(CancellationReason.OPERATOR_REQUEST, now);
    }

    /** The saga deadline passed without a delivery decision. */
    public Optional<OrderCancelled> expire(Instant now) {
        if (status != OrderStatus.PENDING) {
            return Optional.empty();
        }
        return Optional.of(cancel(CancellationReason.DELIVERY_TIMEOUT, now));
    }

    public void recordDeliveryCancelled(Instant now) {
        record(now, SagaStep.DELIVERY_CANCELLED, null);
    }

    private OrderCancelled cancel(String reason, Instant now) {
        moveTo(OrderStatus.CANCELLED);
        cancellationReason = reason;
        record(now, SagaStep.CANCELLED, reason);
        return new OrderCancelled(id, reason);
    }

    private void moveTo(OrderStatus next) {
        if (!status.canBecome(next)) {
            throw new OrderTransitionRejected(id, status, next);
        }
        status = next;
    }

    private void record(Instant at, SagaStep step, String reason) {
        history.add(new HistoryEntry(at, step, status, reason));
        updatedAt = at;
    }

    private OrderPlaced placedEvent() {
        return new OrderPlaced(id, customerId,
                lines.stream().map(line -> new OrderPlaced.Item(line.productId(), line.quantity(), line.unitPrice()))
                        .toList(),
                totalAmount,
                new OrderPlaced.DeliveryAddress(deliveryAddress.street(), deliveryAddress.city(),
                        deliveryAddress.postalCode(), deliveryAddress.country()));
    }

    public UUID id() {
        return id;
    }

    public String customerId() {
        return customerId;
    }

    public OrderStatus status() {
        return status;
    }

    public Optional<String> cancellationReason() {
        return Optional.ofNullable(cancellationReason);
    }

    public Optional<UUID> deliveryId() {
        return Optional.ofNullable(deliveryId);
    }

    public BigDecimal totalAmount() {
        return totalAmount;
    }

    public DeliveryAddress deliveryAddress() {
        return deliveryAddress;
    }

    public List<OrderLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    public List<HistoryEntry> history() {
        return Collections.unmodifiableList(history);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
