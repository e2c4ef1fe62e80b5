package dev.orderflow.order;

import static dev.orderflow.testinfra.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.UUID;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.orderflow.events.Topics;
import dev.orderflow.order.application.IdempotencyKeys;
import dev.orderflow.testinfra.HttpTestClient;
import dev.orderflow.testinfra.RawHttpClient;
import tools.jackson.databind.JsonNode;

/** The REST contract: idempotent POST, listing, and problem details for every kind of bad input. */
class OrderApiIT extends OrderServiceIntegrationTest {

    @Autowired
    IdempotencyKeys keys;

    @Test
    void repeatingAPostWithTheSameIdempotencyKeyReturnsTheSameOrder() {
        String customer = uniqueCustomer();
        HttpTestClient.Response first = customer(customer).post("/orders", orderJson(customer, "KR"), "Idempotency-Key", "k-1");
        HttpTestClient.Response repeat = customer(customer).post("/orders", orderJson(customer, "KR"), "Idempotency-Key", "k-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(201);
        UUID orderId = UUID.fromString(first.json().get("id").asString());
        assertThat(repeat.json().get("id").asString()).isEqualTo(orderId.toString());
        assertThat(repeat.header("Idempotent-Replayed")).contains("true");
        assertThat(ordersOf(customer).get("totalItems").asLong()).isEqualTo(1);
        awaitPublished(orderId, 1);
        assertThat(kafka().events(Topics.ORDER_EVENTS, orderId)).hasSize(1);
    }

    @Test
    void theSameIdempotencyKeyWithADifferentBodyIsRejected() {
        String customer = uniqueCustomer();
        customer(customer).post("/orders", orderJson(customer, "KR"), "Idempotency-Key", "k-2");

        HttpTestClient.Response different = customer(customer).post("/orders", orderJson(customer, "JP"), "Idempotency-Key", "k-2");

        assertThat(different.status()).isEqualTo(422);
        assertThat(different.json().get("title").asString()).isEqualTo("Idempotency-Key reused");
        assertThat(ordersOf(customer).get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void idempotencyKeysAreScopedToTheCaller() {
        String one = uniqueCustomer();
        String another = uniqueCustomer();
        HttpTestClient.Response first = customer(one).post("/orders", orderJson(one, "KR"), "Idempotency-Key", "k-3");
        HttpTestClient.Response other = customer(another).post("/orders", orderJson(another, "KR"), "Idempotency-Key", "k-3");

        assertThat(other.status()).isEqualTo(201);
        assertThat(other.json().get("id").asString()).isNotEqualTo(first.json().get("id").asString());
    }

    @Test
    void idempotencyKeysAreForgottenAfterTheRetention() {
        String customer = uniqueCustomer();
        customer(customer).post("/orders", orderJson(customer, "KR"), "Idempotency-Key", "k-4");

        keys.forgetClaimedBefore(clock.instant().plus(Duration.ofDays(2)));

        HttpTestClient.Response reused = customer(customer).post("/orders", orderJson(customer, "JP"), "Idempotency-Key", "k-4");
        assertThat(reused.status()).isEqualTo(201);
        assertThat(ordersOf(customer).get("totalItems").asLong()).isEqualTo(2);
    }

    @Test
    void listsOrdersByCustomerAndStatusPageByPage() {
        String customer = uniqueCustomer();
        UUID cancelled = placeOrder(customer);
        placeOrder(customer);
        placeOrder(customer);
        customer(customer).post("/orders/" + cancelled + "/cancel", "");

        JsonNode firstPage = operator().get("/orders?customerId=" + customer + "&size=2&page=0").json();
        JsonNode onlyCancelled = customer(customer).get("/orders?status=CANCELLED").json();

        assertThat(firstPage.get("items")).hasSize(2);
        assertThat(firstPage.get("totalItems").asLong()).isEqualTo(3);
        assertThat(firstPage.get("totalPages").asInt()).isEqualTo(2);
        assertThat(onlyCancelled.get("items")).hasSize(1);
        assertThat(onlyCancelled.get("items").get(0).get("id").asString()).isEqualTo(cancelled.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{not json",
            "[]",
            "{}",
            "{\"customerId\":\"%s\",\"items\":[],\"deliveryAddress\":{\"street\":\"s\",\"city\":\"c\",\"postalCode\":\"p\",\"country\":\"KR\"}}",
            "{\"customerId\":\"%s\",\"items\":[{\"productId\":\"p\",\"quantity\":-1,\"unitPrice\":1}],\"deliveryAddress\":{\"street\":\"s\",\"city\":\"c\",\"postalCode\":\"p\",\"country\":\"KR\"}}",
            "{\"customerId\":\"%s\",\"items\":[{\"productId\":\"p\",\"quantity\":1,\"unitPrice\":-5}],\"deliveryAddress\":{\"street\":\"s\",\"city\":\"c\",\"postalCode\":\"p\",\"country\":\"KR\"}}",
            "{\"customerId\":\"%s\",\"items\":[{\"productId\":\"p\",\"quantity\":\"two\",\"unitPrice\":1}],\"deliveryAddress\":{\"street\":\"s\",\"city\":\"c\",\"postalCode\":\"p\",\"country\":\"KR\"}}",
            "{\"customerId\":\"%s\",\"items\":[{\"productId\":\"p\",\"quantity\":1,\"unitPrice\":1}],\"deliveryAddress\":{\"street\":\"s\",\"city\":\"c\",\"postalCode\":\"p\",\"country\":\"XX\"}}",
            "{\"customerId\":\"%s\",\"items\":[{\"productId\":\"p\",\"quantity\":1,\"unitPrice\":1}],\"deliveryAddress\":{\"street\":\"s\",\"city\":\"c\",\"postalCode\":\"p\",\"country\":\"kr\"}}",
            "{\"customerId\":\"%s\",\"items\":[{\"productId\":\"p\",\"quantity\":1,\"unitPrice\":1}]}",
            "{\"customerId\":\"%s\",\"items\":[{\"productId\":\"p\",\"quantity\":1,\"unitPrice\":1}],\"deliveryAddress\":{\"street\":\"s\\u0000\",\"city\":\"c\",\"postalCode\":\"p\",\"country\":\"KR\"}}",
            "{\"customerId\":\"%s\",\"items\":[{\"productId\":\"p\",\"quantity\":99999999999999999999,\"unitPrice\":1}],\"deliveryAddress\":{\"street\":\"s\",\"city\":\"c\",\"postalCode\":\"p\",\"country\":\"KR\"}}",
    })
    void invalidOrdersAreRejectedWithAProblemAndNothingIsWritten(String template) {
        String customer = uniqueCustomer();

        HttpTestClient.Response response = customer(customer).post("/orders", template.formatted(customer));

        assertProblem(response, 400);
        assertThat(ordersOf(customer).get("totalItems").asLong()).isZero();
    }

    @Test
    void validationProblemsNameTheRejectedFields() {
        HttpTestClient.Response response = customer(uniqueCustomer()).post("/orders", orderJson("", "XX"));

        assertProblem(response, 400);
        assertThat(response.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .contains("customerId", "deliveryAddress.country");
    }

    @Test
    void oversizeBodiesAreRejected() {
        String customer = uniqueCustomer();
        String huge = orderJson(customer, "KR").replace("1 Main St", "x".repeat(100_000));

        assertProblem(customer(customer).post("/orders", huge), 413);
        assertProblem(customer(customer).send("POST", "/orders", HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(huge.getBytes())), "Content-Type", "application/json"), 413);
    }

    @Test
    void wrongContentTypeUnknownIdsAndUnknownPathsGetProblems() {
        HttpTestClient customer = customer(uniqueCustomer());
        assertProblem(customer.send("POST", "/orders", HttpRequest.BodyPublishers.ofString("customerId=c"),
                "Content-Type", "application/x-www-form-urlencoded"), 415);
        assertProblem(customer.get("/orders/" + UUID.randomUUID()), 404);
        assertProblem(customer.post("/orders/" + UUID.randomUUID() + "/cancel", ""), 404);
        assertProblem(customer.get("/orders/not-a-uuid"), 400);
        assertProblem(customer.get("/orders?status=LOST"), 400);
        assertProblem(customer.get("/orders?size=100000"), 400);
        assertProblem(customer.get("/orders?customerId=%00"), 400);
        assertProblem(operator().get("/orders?customerId=%00"), 400);
        assertProblem(customer.get("/nowhere"), 404);
    }

    @Test
    void oddQueriesAndWildcardContentTypesGetAnswersNotContainerPages() {
        HttpTestClient.Response oddQuery = operator().get("/orders?page[]=1&size=5");
        assertThat(oddQuery.status()).as(oddQuery.body()).isEqualTo(200);
        assertThat(oddQuery.json().get("size").asInt()).isEqualTo(5);

        assertProblem(customer("c-1").send("POST", "/orders", HttpRequest.BodyPublishers.ofString(orderJson("c-1", "KR")),
                "Content-Type", "*/*"), 415);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "GET /orders/%c0%ae HTTP/1.1",            // a %-encoding that is not UTF-8
            "GET /orders?customerId=\u0001 HTTP/1.1", // a raw control character
            "GET /orders?customerId=%zz HTTP/1.1"})   // no %-encoding at all
    void requestLinesThatCannotBeReadGetProblemsNotTomcatPages(String requestLine) {
        assertProblem(new RawHttpClient(port).send(requestLine, operatorAuthorizationLine()), 400);
    }

    @Test
    void anIdWithRelaxedCharactersGetsAProblemThatSaysWhyAndNamesThePathAsAUri() {
        var response = new RawHttpClient(port).send("GET /orders/[x] HTTP/1.1", operatorAuthorizationLine());

        assertProblem(response, 400);
        assertThat(response.json().get("detail").asString()).contains("'id'", "[x]");
        assertThat(response.json().get("instance").asString()).isEqualTo("/orders/%5Bx%5D");
    }

    @Test
    void traceIsRefusedWithAProblem() {
        assertProblem(operator().send("TRACE", "/orders", HttpRequest.BodyPublishers.noBody()), 405);
    }

    @Test
    void anUnreadableAcceptHeaderIsRefusedWithAProblemAndPlacesNoOrder() {
        String customer = uniqueCustomer();

        assertProblem(customer(customer).post("/orders", orderJson(customer, "KR"), "Accept", "gzip;q=2"), 400);
        assertProblem(customer(customer).get("/orders/" + UUID.randomUUID(), "Accept", "/actuator/env"), 400);

        assertThat(ordersOf(customer).get("totalItems").asLong()).isZero();
    }

    @Test
    void aQueryThatIsNotUtf8IsRefusedWithAProblemNotAServerError() {
        assertProblem(operator().get("/orders?customerId=%c0"), 400);
    }

    private JsonNode ordersOf(String customer) {
        return operator().get("/orders?customerId=" + customer).json();
    }
}
