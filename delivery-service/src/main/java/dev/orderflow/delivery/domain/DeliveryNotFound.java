package dev.orderflow.delivery.domain;

import java.util.UUID;

public class DeliveryNotFound extends RuntimeException {

    public DeliveryNotFound(UUID id) {
        super("delivery " + id + " does not exist");
    }
}
