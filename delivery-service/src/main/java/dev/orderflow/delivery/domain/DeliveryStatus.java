package dev.orderflow.delivery.domain;

/** SCHEDULED -> CANCELLED; FAILED and CANCELLED are final. */
public enum DeliveryStatus {
    SCHEDULED, FAILED, CANCELLED
}
