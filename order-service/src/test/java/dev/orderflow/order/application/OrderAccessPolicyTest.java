package dev.orderflow.order.application;

import static dev.orderflow.order.application.Caller.Role.CUSTOMER;
import static dev.orderflow.order.application.Caller.Role.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orderflow.order.domain.DeliveryAddress;
import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.OrderLine;
import dev.orderflow.order.domain.OrderSearch;

/** The policy on its own: customers their own orders, operators every order, nobody else anything. */
class OrderAccessPolicyTest {

    private final OrderAccessPolicy policy = new OrderAccessPolicy();
    private final Caller alice = new Caller("alice", Set.of(CUSTOMER));
    private final Caller bob = new Caller("bob", Set.of(CUSTOMER));
    private final Caller olivia = new Caller("olivia", Set.of(OPERATOR));
    private final Caller nobody = new Caller("alice", Set.of());
    private final Order alicesOrder = Order.place(UUID.randomUUID(), "alice",
            List.of(new OrderLine("p-1", 1, BigDecimal.ONE)), new DeliveryAddress("s", "c", "p", "KR"),
            Instant.now()).order();

    @Test
    void onlyCustomersPlaceOrdersAndAlwaysForThemselves() {
        assertThat(policy.customerOfNewOrder(alice, Optional.empty())).isEqualTo("alice");
        assertThat(policy.customerOfNewOrder(alice, Optional.of("alice"))).isEqualTo("alice");
        assertThatThrownBy(() -> policy.customerOfNewOrder(bob, Optional.of("alice"))).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> policy.customerOfNewOrder(olivia, Optional.empty())).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> policy.customerOfNewOrder(nobody, Optional.empty())).isInstanceOf(AccessRefused.class);
    }

    @Test
    void theOwnerAndOperatorsSeeAnOrderAndNobodyElse() {
        assertThat(policy.maySee(alice, alicesOrder)).isTrue();
        assertThat(policy.maySee(olivia, alicesOrder)).isTrue();
        assertThat(policy.maySee(bob, alicesOrder)).isFalse();
        assertThat(policy.maySee(nobody, alicesOrder)).as("the subject alone is no role").isFalse();
    }

    @Test
    void aCustomersListingIsTheirOwnAndAnOperatorsIsEveryones() {
        OrderSearch everything = new OrderSearch(null, null, 0, 20);

        assertThat(policy.visibleSearch(bob, everything).customerId()).isEqualTo("bob");
        assertThat(policy.visibleSearch(bob, everything.ofCustomer("bob")).customerId()).isEqualTo("bob");
        assertThatThrownBy(() -> policy.visibleSearch(bob, everything.ofCustomer("alice")))
                .isInstanceOf(AccessRefused.class);
        assertThat(policy.visibleSearch(olivia, everything)).isEqualTo(everything);
        assertThat(policy.visibleSearch(olivia, everything.ofCustomer("alice")).customerId()).isEqualTo("alice");
        assertThatThrownBy(() -> policy.visibleSearch(nobody, everything)).isInstanceOf(AccessRefused.class);
    }

    @Test
    void theRolesGateEachOperation() {
        assertThat(policy.mayPlaceOrders(alice)).isTrue();
        assertThat(policy.mayPlaceOrders(olivia)).isFalse();
        assertThat(policy.mayUseOrders(alice)).isTrue();
        assertThat(policy.mayUseOrders(olivia)).isTrue();
        assertThat(policy.mayUseOrders(nobody)).isFalse();
    }
}
