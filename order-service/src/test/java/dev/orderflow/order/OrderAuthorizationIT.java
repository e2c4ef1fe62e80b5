package dev.orderflow.order;

import static dev.orderflow.testinfra.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.orderflow.events.OrderCancelled;
import dev.orderflow.events.Topics;
import dev.orderflow.testinfra.HttpTestClient;

/**
 * Who may do what with orders (OrderAccessPolicy), request by request: anonymous callers, a token without a
 * role, customer A (Alice, who placed the order), customer B (Bob), an operator, and a caller with both roles (the
 * automation client).
 */
class OrderAuthorizationIT extends OrderServiceIntegrationTest {

    enum Who { ANONYMOUS, NO_ROLE, CUSTOMER_A, CUSTOMER_B, OPERATOR, CUSTOMER_AND_OPERATOR }

    private final String alice = uniqueCustomer();
    private final String bob = uniqueCustomer();
    private final String automation = uniqueCustomer();
    private UUID alicesOrder;

    @BeforeEach
    void alicePlacesAnOrder() {
        alicesOrder = placeOrder(alice);
    }

    @ParameterizedTest(name = "{0}: place {1}, read A''s order {2}, list {3}, list A''s {4}, cancel A''s {5}")
    @CsvSource({
            "ANONYMOUS,             401, 401, 401, 401, 401",
            "NO_ROLE,               403, 403, 403, 403, 403",
            "CUSTOMER_A,            201, 200, 200, 200, 200",
            "CUSTOMER_B,            201, 404, 200, 403, 404",
            "OPERATOR,              403, 200, 200, 200, 200",
            "CUSTOMER_AND_OPERATOR, 201, 200, 200, 200, 200"})
    void everyCallerGetsWhatThePolicySays(Who who, int place, int read, int list, int listAlices, int cancel) {
        assertAnswer(post(who, "/orders", orderWithoutCustomer()), place);
        assertAnswer(get(who, "/orders/" + alicesOrder), read);
        assertAnswer(get(who, "/orders"), list);
        assertAnswer(get(who, "/orders?customerId=" + alice), listAlices);
        assertAnswer(post(who, "/orders/" + alicesOrder + "/cancel", ""), cancel);

        assertThat(order(alicesOrder).get("status").asString()).isEqualTo(cancel == 200 ? "CANCELLED" : "PENDING");
    }

    @Test
    void bobCannotReadOrCancelAlicesOrderWhichToHimIsAnUnknownOrder() {
        HttpTestClient.Response read = customer(bob).get("/orders/" + alicesOrder);
        HttpTestClient.Response cancel = customer(bob).post("/orders/" + alicesOrder + "/cancel", "");
        HttpTestClient.Response unknown = customer(bob).get("/orders/" + UUID.randomUUID());

        assertProblem(read, 404);
        assertProblem(cancel, 404);
        assertThat(read.json().get("title")).isEqualTo(unknown.json().get("title"));
        assertThat(read.json().get("detail").asString()).isEqualTo("order " + alicesOrder + " does not exist");
        assertThat(order(alicesOrder).get("status").asString()).isEqualTo("PENDING");
        assertThat(awaitPublished(alicesOrder, 1)).hasSize(1);
    }

    @Test
    void bobListsOnlyHisOwnOrdersAndIsRefusedAlicesListing() {
        UUID bobsOrder = placeOrder(bob);

        assertThat(ids(customer(bob).get("/orders?size=200"))).containsExactly(bobsOrder.toString());
        assertThat(ids(customer(bob).get("/orders?customerId=" + bob))).containsExactly(bobsOrder.toString());
        assertThat(ids(customer(alice).get("/orders"))).containsExactly(alicesOrder.toString());
        assertProblem(customer(bob).get("/orders?customerId=" + alice), 403);
    }

    @Test
    void anOperatorListsEveryonesOrdersWithTheFilters() {
        UUID bobsOrder = placeOrder(bob);

        assertThat(ids(operator().get("/orders?size=200"))).contains(alicesOrder.toString(), bobsOrder.toString());
        assertThat(ids(operator().get("/orders?customerId=" + bob))).containsExactly(bobsOrder.toString());
        assertThat(ids(operator().get("/orders?customerId=" + alice + "&status=CANCELLED"))).isEmpty();
    }

    @Test
    void anOrderPlacedByBobIsBobsWhateverTheBodySays() {
        HttpTestClient.Response inAlicesName = customer(bob).post("/orders", orderJson(alice, "KR"));
        HttpTestClient.Response unnamed = customer(bob).post("/orders", orderWithoutCustomer());
        HttpTestClient.Response inHisName = customer(bob).post("/orders", orderJson(bob, "KR"));

        assertProblem(inAlicesName, 403);
        assertThat(unnamed.status()).isEqualTo(201);
        assertThat(unnamed.json().get("customerId").asString()).isEqualTo(bob);
        assertThat(inHisName.status()).isEqualTo(201);
        assertThat(ids(operator().get("/orders?customerId=" + alice))).containsExactly(alicesOrder.toString());
        assertThat(operator().get("/orders?customerId=" + bob).json().get("totalItems").asLong()).isEqualTo(2);
    }

    @Test
    void theCustomerOfAnOrderIsTheSubjectOfTheTokenAlsoInItsEvent() {
        HttpTestClient.Response placed = customer(bob).post("/orders", orderWithoutCustomer());

        UUID orderId = UUID.fromString(placed.json().get("id").asString());
        assertThat(awaitPublished(orderId, 1).getFirst().payload())
                .hasFieldOrPropertyWithValue("customerId", bob);
    }

    @Test
    void anOperatorCancelsAnybodysOrderAndTheReasonSaysAnOperatorDidIt() {
        HttpTestClient.Response cancelled = operator().post("/orders/" + alicesOrder + "/cancel", "");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("cancellationReason").asString()).isEqualTo("OPERATOR_REQUEST");
        assertThat(awaitPublished(alicesOrder, 2).get(1).payload())
                .isEqualTo(new OrderCancelled(alicesOrder, "OPERATOR_REQUEST"));
        assertThat(kafka().events(Topics.ORDER_EVENTS, alicesOrder)).hasSize(2);
    }

    @Test
    void aCallerWithBothRolesWhoCancelsTheirOwnOrderMakesACustomerRequest() {
        UUID own = customerAndOperator().post("/orders", orderWithoutCustomer()).json().get("id").asString()
                .transform(UUID::fromString);

        HttpTestClient.Response cancelled = customerAndOperator().post("/orders/" + own + "/cancel", "");

        assertThat(cancelled.json().get("cancellationReason").asString()).isEqualTo("CUSTOMER_REQUEST");
    }

    @Test
    void aRefusedPlacementWritesNothing() {
        String nobody = uniqueCustomer();

        assertProblem(withToken(tokens().tokenFor(nobody)).post("/orders", orderJson(nobody, "KR")), 403);
        assertProblem(withToken(tokens().tokenFor(nobody, "operator")).post("/orders", orderJson(nobody, "KR")), 403);

        assertThat(operator().get("/orders?customerId=" + nobody).json().get("totalItems").asLong()).isZero();
    }

    private HttpTestClient.Response get(Who who, String path) {
        return who == Who.ANONYMOUS ? http().get(path) : as(who).get(path);
    }

    private HttpTestClient.Response post(Who who, String path, String body) {
        return who == Who.ANONYMOUS ? http().post(path, body) : as(who).post(path, body);
    }

    private HttpTestClient as(Who who) {
        return switch (who) {
            case ANONYMOUS -> throw new IllegalArgumentException("anonymous callers have no token");
            case NO_ROLE -> withToken(tokens().tokenFor(uniqueCustomer()));
            case CUSTOMER_A -> customer(alice);
            case CUSTOMER_B -> customer(bob);
            case OPERATOR -> operator();
            case CUSTOMER_AND_OPERATOR -> customerAndOperator();
        };
    }

    private HttpTestClient customerAndOperator() {
        return withToken(tokens().tokenFor(automation, "customer", "operator"));
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
        return page.json().get("items").valueStream().map(order -> order.get("id").asString()).toList();
    }

    private static String orderWithoutCustomer() {
        return """
                {"items":[{"productId":"p-1","quantity":1,"unitPrice":9.99}],
                 "deliveryAddress":{"street":"1 Main St","city":"Seoul","postalCode":"04524","country":"KR"}}""";
    }
}
