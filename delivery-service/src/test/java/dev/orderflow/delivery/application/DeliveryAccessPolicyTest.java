package dev.orderflow.delivery.application;

import static dev.orderflow.delivery.application.Caller.Role.CUSTOMER;
import static dev.orderflow.delivery.application.Caller.Role.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orderflow.delivery.domain.CourierAssignment;
import dev.orderflow.delivery.domain.Delivery;
import dev.orderflow.delivery.domain.DeliverySearch;
import dev.orderflow.delivery.domain.ServiceArea;

/** The policy on its own: customers the deliveries of their orders, operators every delivery. */
class DeliveryAccessPolicyTest {

    private final DeliveryAccessPolicy policy = new DeliveryAccessPolicy();
    private final Caller alice = new Caller("alice", Set.of(CUSTOMER));
    private final Caller bob = new Caller("bob", Set.of(CUSTOMER));
    private final Caller olivia = new Caller("olivia", Set.of(OPERATOR));
    private final Caller nobody = new Caller("alice", Set.of());
    private final Delivery alices = Delivery.decide(UUID.randomUUID(), "alice", "KR", new ServiceArea(Set.of("KR")),
            new CourierAssignment(List.of("A"), 2), Clock.systemUTC()).delivery();
    private final Delivery ownerUnknown = Delivery.cancelledBeforeScheduling(UUID.randomUUID(), Clock.systemUTC()
            .instant()).delivery();

    @Test
    void theCustomerAndOperatorsSeeADeliveryAndNobodyElse() {
        assertThat(policy.maySee(alice, alices)).isTrue();
        assertThat(policy.maySee(olivia, alices)).isTrue();
        assertThat(policy.maySee(bob, alices)).isFalse();
        assertThat(policy.maySee(nobody, alices)).as("the subject alone is no role").isFalse();
    }

    @Test
    void aDeliveryWithoutAKnownCustomerIsForOperatorsOnly() {
        assertThat(policy.maySee(olivia, ownerUnknown)).isTrue();
        assertThat(policy.maySee(alice, ownerUnknown)).isFalse();
    }

    @Test
    void aCustomersListingIsTheirOwnAndAnOperatorsIsEveryones() {
        DeliverySearch everything = new DeliverySearch(null, null, 0, 20);

        assertThat(policy.visibleSearch(bob, everything).customerId()).isEqualTo("bob");
        assertThat(policy.visibleSearch(olivia, everything)).isEqualTo(everything);
        assertThatThrownBy(() -> policy.visibleSearch(nobody, everything)).isInstanceOf(AccessRefused.class);
        assertThat(policy.mayReadDeliveries(nobody)).isFalse();
        assertThat(policy.mayReadDeliveries(alice)).isTrue();
        assertThat(policy.mayReadDeliveries(olivia)).isTrue();
    }
}
