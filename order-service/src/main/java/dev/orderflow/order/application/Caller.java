package dev.orderflow.order.application;

import java.util.Objects;
import java.util.Set;

/**
 * Who sends a request: the subject of their access token (for a customer, the customer id their orders carry)
 * and their realm roles. The web layer makes it from the validated token; the use cases decide with it.
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
