package dev.orderflow.delivery.domain;

/** Why a delivery could not be scheduled; the order service cancels the order with the same code. */
public final class FailureReason {

    public static final String ADDRESS_NOT_SERVICEABLE = "ADDRESS_NOT_SERVICEABLE";

    private FailureReason() {
    }
}
