package dev.orderflow.order.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One step of an order's saga timeline: what happened, when, the status after it and why. */
@Embeddable
public class HistoryEntry {

    @Column(name = "occurred_at", nullable = false)
    private Instant at;

    @Enumerated(EnumType.STRING)
    @Column(name = "step", nullable = false)
    private SagaStep step;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private OrderStatus status;

    @Column(name = "reason")
    private String reason;

    protected HistoryEntry() {
    }

    HistoryEntry(Instant at, SagaStep step, OrderStatus status, String reason) {
        this.at = at;
        this.step = step;
        this.status = status;
        this.reason = reason;
    }

    public Instant at() {
        return at;
    }

    public SagaStep step() {
        return step;
    }

    public OrderStatus status() {
        return status;
    }

    public String reason() {
        return reason;
    }
}
