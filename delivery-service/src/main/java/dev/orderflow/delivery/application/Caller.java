package dev.orderflow.delivery.application;

import java.util.Objects;
import java.util.Set;

/**
 * Who sends a request: the subject of their access token (for a customer, the customer id their orders and so
 * their deliveries carry) and their realm roles. The web layer makes it from the validated token; the queries
 * decide with it.
 */
public record Caller(String subject, Set<Role> roles) {

    public enum Role {
        CUSTOMER, OPERATOR
    }

    public Caller {
        Objects.requireNonNull(subject, "subject");
        roles = Set.copyOf(roles);
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }
}
