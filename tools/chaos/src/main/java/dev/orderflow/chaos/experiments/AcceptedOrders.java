package dev.orderflow.chaos.experiments;

import java.util.List;
import java.util.UUID;

/** The client's side of "nothing lost": every order it was told was created (201) can be read back. */
final class AcceptedOrders {

    private AcceptedOrders() {
    }

    /** One line per accepted order the system does not know, empty when it knows them all. */
    static List<String> missing(Gateway gateway, List<UUID> accepted) {
        List<UUID> unknown = accepted.stream().filter(id -> !exists(gateway, id)).toList();
        return unknown.isEmpty() ? List.of()
                : List.of(unknown.size() + " orders answered 201 cannot be read back, e.g. " + unknown.getFirst());
    }

    private static boolean exists(Gateway gateway, UUID id) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return gateway.order(id.toString()).path("id").asString().equals(id.toString());
            } catch (IllegalStateException notNow) {
                Lab.pause(java.time.Duration.ofSeconds(1));
            }
        }
        return false;
    }
}
