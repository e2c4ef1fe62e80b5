package dev.orderflow.systemtests;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.orderflow.testinfra.HttpTestClient;
import dev.orderflow.testinfra.HttpTestClient.Response;
import dev.orderflow.testinfra.ProblemAssertions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, through the gateway with tokens from the real Keycloak: anonymous callers, the customers alice
 * and bob, and the operator olivia, at every endpoint. Another customer's order is answered as if it did not exist.
 */
@ExtendWith(SystemStackExtension.class)
class AuthorizationMatrixIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SystemStack system;
    private final HttpTestClient anonymous;
    private final HttpTestClient alice;
    private final HttpTestClient bob;
    private final HttpTestClient olivia;
    private String alicesOrder;
    private String alicesDelivery;

    AuthorizationMatrixIT(SystemStack system) {
        this.system = system;
        this.anonymous = system.gateway();
        this.alice = system.as(SystemStack.CUSTOMER);
        this.bob = system.as(SystemStack.OTHER_CUSTOMER);
        this.olivia = system.as(SystemStack.OPERATOR);
    }

    @BeforeEach
    void aliceHasAConfirmedOrder() {
        Shop shop = system.shop(SystemStack.CUSTOMER);
        alicesOrder = shop.placeOrder("KR");
        alicesDelivery = shop.awaitStatus(alicesOrder, "CONFIRMED").path("deliveryId").asString();
    }

    @Test
    void anAnonymousCallerIsRefusedEverywhereWithAProblemThatAsksForABearerToken() {
        for (Response response : List.of(
                anonymous.get("/api/orders"),
                anonymous.get("/api/orders/" + alicesOrder),
                anonymous.post("/api/orders", Shop.orderBody("KR")),
                anonymous.post("/api/orders/" + alicesOrder + "/cancel", ""),
                anonymous.get("/api/deliveries"),
                anonymous.get("/api/deliveries/" + alicesDelivery),
                anonymous.get("/api/deliveries?orderId=" + alicesOrder))) {
            assertUnauthorized(response);
        }
        assertThat(status(alice, alicesOrder)).isEqualTo("CONFIRMED");
    }

    @Test
    void anOrderIsPlacedForTheCallerWhateverTheBodySays() {
        Response placed = alice.post("/api/orders", Shop.orderBody("JP"));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(placed.json().path("customerId").asString()).isEqualTo(subjectOf(SystemStack.CUSTOMER));

        String inBobsName = HttpTestClient.toJson(Map.of("customerId", subjectOf(SystemStack.OTHER_CUSTOMER),
                "items", List.of(Map.of("productId", "SKU-COFFEE-250G", "quantity", 1, "unitPrice", 8.95)),
                "deliveryAddress", Map.of("street", "1 Main St", "city", "Somewhere", "postalCode", "12345",
                        "country", "JP")));
        long bobsOrders = count(bob, "/api/orders?size=1");
        Response forged = alice.post("/api/orders", inBobsName);

        ProblemAssertions.assertProblem(forged, 403);
        assertThat(count(bob, "/api/orders?size=1")).as("bob's orders").isEqualTo(bobsOrders);
    }

    @Test
    void anotherCustomerCannotReadListOrCancelAnOrderNorSeeItsDelivery() {
        ProblemAssertions.assertProblem(bob.get("/api/orders/" + alicesOrder), 404);
        ProblemAssertions.assertProblem(bob.post("/api/orders/" + alicesOrder + "/cancel", ""), 404);
        assertThat(ids(bob.get("/api/orders?size=200"))).doesNotContain(alicesOrder);
        ProblemAssertions.assertProblem(bob.get("/api/orders?customerId=" + subjectOf(SystemStack.CUSTOMER)), 403);
        ProblemAssertions.assertProblem(bob.get("/api/deliveries/" + alicesDelivery), 404);
        assertThat(ids(bob.get("/api/deliveries?orderId=" + alicesOrder))).isEmpty();
        assertThat(ids(bob.get("/api/deliveries?size=200"))).doesNotContain(alicesDelivery);

        assertThat(status(alice, alicesOrder)).as("alice's order, untouched").isEqualTo("CONFIRMED");
    }

    @Test
    void aCustomerSeesAndCancelsTheirOwnOrderAndItsDelivery() {
        assertThat(alice.get("/api/orders/" + alicesOrder).status()).isEqualTo(200);
        assertThat(ids(alice.get("/api/orders?size=200"))).contains(alicesOrder);
        assertThat(alice.get("/api/orders?customerId=" + subjectOf(SystemStack.CUSTOMER)).status()).isEqualTo(200);
        assertThat(alice.get("/api/deliveries/" + alicesDelivery).status()).isEqualTo(200);
        assertThat(ids(alice.get("/api/deliveries?orderId=" + alicesOrder))).containsExactly(alicesDelivery);

        Response cancelled = alice.post("/api/orders/" + alicesOrder + "/cancel", "");

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void theOperatorReadsListsAndCancelsEveryOrderButPlacesNone() {
        assertThat(olivia.get("/api/orders/" + alicesOrder).status()).isEqualTo(200);
        assertThat(ids(olivia.get("/api/orders?customerId=" + subjectOf(SystemStack.CUSTOMER) + "&size=200")))
                .contains(alicesOrder);
        assertThat(count(olivia, "/api/orders?size=1")).isGreaterThanOrEqualTo(count(alice, "/api/orders?size=1"));
        assertThat(olivia.get("/api/deliveries/" + alicesDelivery).status()).isEqualTo(200);
        assertThat(ids(olivia.get("/api/deliveries?orderId=" + alicesOrder))).containsExactly(alicesDelivery);
        ProblemAssertions.assertProblem(olivia.post("/api/orders", Shop.orderBody("KR")), 403);

        Response cancelled = olivia.post("/api/orders/" + alicesOrder + "/cancel", "");

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(status(alice, alicesOrder)).isEqualTo("CANCELLED");
    }

    private static void assertUnauthorized(Response response) {
        ProblemAssertions.assertProblem(response, 401);
        assertThat(response.header("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
    }

    private static String status(HttpTestClient client, String orderId) {
        return client.get("/api/orders/" + orderId).json().path("status").asString();
    }

    private static long count(HttpTestClient client, String listing) {
        Response response = client.get(listing);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("totalItems").asLong();
    }

    private static List<String> ids(Response page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json().path("items").valueStream().map(item -> item.path("id").asString()).toList();
    }

    /** The demo user's id as their tokens carry it (the {@code sub} claim): the customer id of their orders. */
    private String subjectOf(String user) {
        String payload = system.tokens().demoUser(user).split("\\.")[1];
        JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), UTF_8));
        return claims.path("sub").asString();
    }
}
