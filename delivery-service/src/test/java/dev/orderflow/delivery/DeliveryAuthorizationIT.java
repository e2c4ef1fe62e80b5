package dev.orderflow.delivery;

import static dev.orderflow.testinfra.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.orderflow.events.OrderCancelled;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.testinfra.HttpTestClient;

/**
 * Who may see which deliveries (DeliveryAccessPolicy), request by request: anonymous callers, a token without a
 * role, customer A (Alice, whose order the delivery is for), customer B (Bob) and an operator.
 */
class DeliveryAuthorizationIT extends DeliveryServiceIntegrationTest {

    enum Who { ANONYMOUS, NO_ROLE, CUSTOMER_A, CUSTOMER_B, OPERATOR }

    private final String alice = "c-" + UUID.randomUUID();
    private final String bob = "c-" + UUID.randomUUID();
    private OrderPlaced alicesOrder;
    private String alicesDelivery;

    @BeforeEach
    void alicesOrderGetsADelivery() {
        alicesOrder = orderOf(alice, "KR");
        kafka().publish(alicesOrder);
        alicesDelivery = awaitDelivery(alicesOrder.orderId(), "SCHEDULED").get("id").asString();
    }

    @ParameterizedTest(name = "{0}: read A''s delivery {1}, by A''s order {2} ({3} found), list {4} (A''s in it: {5})")
    @CsvSource({
            "ANONYMOUS,  401, 401, 0, 401, false",
            "NO_ROLE,    403, 403, 0, 403, false",
            "CUSTOMER_A, 200, 200, 1, 200, true",
            "CUSTOMER_B, 404, 200, 0, 200, false",
            "OPERATOR,   200, 200, 1, 200, true"})
    void everyCallerSeesWhatThePolicySays(Who who, int read, int byOrder, int foundByOrder, int list,
                                          boolean alicesInList) {
        assertAnswer(get(who, "/deliveries/" + alicesDelivery), read);
        HttpTestClient.Response ofOrder = get(who, "/deliveries?orderId=" + alicesOrder.orderId());
        assertAnswer(ofOrder, byOrder);
        HttpTestClient.Response listing = get(who, "/deliveries?size=200");
        assertAnswer(listing, list);

        if (byOrder == 200) {
            assertThat(ids(ofOrder)).hasSize(foundByOrder);
        }
        if (list == 200) {
            assertThat(ids(listing).contains(alicesDelivery)).isEqualTo(alicesInList);
        }
    }

    @Test
    void bobSeesTheDeliveriesOfHisOwnOrdersOnlyAndAlicesIsUnknownToHim() {
        OrderPlaced bobsOrder = orderOf(bob, "AQ");
        kafka().publish(bobsOrder);
        String bobsDelivery = awaitDelivery(bobsOrder.orderId(), "FAILED").get("id").asString();

        assertThat(ids(customer(bob).get("/deliveries"))).containsExactly(bobsDelivery);
        assertThat(ids(customer(bob).get("/deliveries?status=SCHEDULED"))).isEmpty();
        assertThat(ids(customer(alice).get("/deliveries"))).containsExactly(alicesDelivery);
        HttpTestClient.Response alicesToBob = customer(bob).get("/deliveries/" + alicesDelivery);
        assertProblem(alicesToBob, 404);
        assertThat(alicesToBob.json().get("detail").asString()).isEqualTo("delivery " + alicesDelivery + " does not exist");
    }

    @Test
    void anOperatorSeesEveryDelivery() {
        OrderPlaced bobsOrder = orderOf(bob, "DE");
        kafka().publish(bobsOrder);
        String bobsDelivery = awaitDelivery(bobsOrder.orderId(), "SCHEDULED").get("id").asString();

        assertThat(ids(operator().get("/deliveries?size=200"))).contains(alicesDelivery, bobsDelivery);
        assertThat(operator().get("/deliveries/" + bobsDelivery).json().get("customerId").asString()).isEqualTo(bob);
    }

    @Test
    void aDeliveryCancelledBeforeItsOrderWasPlacedIsOperatorsOnlyUntilTheOrderPlacedNamesItsCustomer() {
        OrderPlaced overtaken = orderOf(alice, "KR");
        kafka().publish(new OrderCancelled(overtaken.orderId(), "DELIVERY_TIMEOUT"));
        String cancelled = awaitDelivery(overtaken.orderId(), "CANCELLED").get("id").asString();

        assertThat(operator().get("/deliveries/" + cancelled).json().get("customerId").isNull()).isTrue();
        assertProblem(customer(alice).get("/deliveries/" + cancelled), 404);
        assertThat(ids(customer(alice).get("/deliveries?orderId=" + overtaken.orderId()))).isEmpty();

        kafka().publish(overtaken);

        await().atMost(Duration.ofSeconds(20)).until(() -> customer(alice).get("/deliveries/" + cancelled).status() == 200);
        assertThat(customer(alice).get("/deliveries/" + cancelled).json().get("status").asString()).isEqualTo("CANCELLED");
        assertProblem(customer(bob).get("/deliveries/" + cancelled), 404);
    }

    private HttpTestClient.Response get(Who who, String path) {
        return switch (who) {
            case ANONYMOUS -> http().get(path);
            case NO_ROLE -> withToken(tokens().tokenFor(alice)).get(path);
            case CUSTOMER_A -> customer(alice).get(path);
            case CUSTOMER_B -> customer(bob).get(path);
            case OPERATOR -> operator().get(path);
        };
    }

    private static void assertAnswer(HttpTestClient.Response response, int status) {
        if (status < 400) {
            assertThat(response.status()).as(response.body()).isEqualTo(status);
            return;
        }
        assertProblem(response, status);
        if (status == 401) {
            assertThat(response.header("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer"));
        }
    }

    private static List<String> ids(HttpTestClient.Response page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json().get("items").valueStream().map(delivery -> delivery.get("id").asString()).toList();
    }
}
