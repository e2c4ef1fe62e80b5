package dev.orderflow.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.orderflow.testinfra.HttpTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document, public like Swagger UI, says what the API really does: how to get a token, which roles
 * each operation admits, the problem every error is, and the limits the validation enforces.
 */
class ApiDocumentIT extends OrderServiceIntegrationTest {

    private static final Map<String, List<String>> ROLES = Map.of(
            "post /orders", List.of("customer"),
            "get /orders", List.of("customer", "operator"),
            "get /orders/{id}", List.of("customer", "operator"),
            "post /orders/{id}/cancel", List.of("customer", "operator"));

    @Test
    void theDocumentAndSwaggerUiNeedNoToken() {
        assertThat(http().get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(http().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void theSecuritySchemesAreTheRealmsAuthorizationCodeFlowAndItsBearerTokens() {
        JsonNode schemes = document().get("components").get("securitySchemes");

        JsonNode flow = schemes.get("oauth2").get("flows").get("authorizationCode");
        assertThat(schemes.get("oauth2").get("type").asString()).isEqualTo("oauth2");
        assertThat(flow.get("authorizationUrl").asString()).isEqualTo(tokens().issuerUri() + "/protocol/openid-connect/auth");
        assertThat(flow.get("tokenUrl").asString()).isEqualTo(tokens().issuerUri() + "/protocol/openid-connect/token");
        assertThat(schemes.get("bearer").get("type").asString()).isEqualTo("http");
        assertThat(schemes.get("bearer").get("scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.get("bearer").get("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(document().get("security").valueStream().flatMap(requirement -> requirement.propertyNames().stream()))
                .containsExactlyInAnyOrder("oauth2", "bearer");
    }

    @Test
    void everyOperationNamesItsRolesAndAnswers401And403WithAProblem() {
        JsonNode document = document();

        ROLES.forEach((operation, roles) -> {
            JsonNode responses = operation(document, operation).get("responses");
            assertThat(operation(document, operation).get("x-allowed-roles").valueStream().map(JsonNode::asString))
                    .as(operation).containsExactlyElementsOf(roles);
            assertThat(problemSchema(document, responses.get("401"))).as(operation).isEqualTo("#/components/schemas/Problem");
            assertThat(problemSchema(document, responses.get("403"))).as(operation).isEqualTo("#/components/schemas/Problem");
        });
        assertThat(document.get("components").get("responses").get("Unauthorized").get("headers").has("WWW-Authenticate"))
                .isTrue();
        assertThat(document.get("components").get("schemas").get("Problem").get("properties").propertyNames())
                .contains("type", "title", "status", "detail", "instance", "errors");
    }

    @Test
    void eachOperationListsTheErrorsItCanGive() {
        JsonNode document = document();

        assertThat(statuses(document, "post /orders")).contains("400", "401", "403", "413", "415", "422", "503");
        assertThat(statuses(document, "get /orders/{id}")).contains("400", "401", "403", "404", "503")
                .doesNotContain("409", "413", "422");
        assertThat(statuses(document, "get /orders")).contains("400", "401", "403", "503").doesNotContain("404");
        assertThat(statuses(document, "post /orders/{id}/cancel")).contains("401", "403", "404", "409", "503");
    }

    @Test
    void theLimitsTheValidationEnforcesAreInTheSchemas() {
        JsonNode document = document();
        JsonNode order = document.get("components").get("schemas").get("PlaceOrderRequest");
        JsonNode item = document.get("components").get("schemas").get("Item");

        assertThat(order.get("properties").get("customerId").get("maxLength").asInt()).isEqualTo(64);
        assertThat(order.get("required").valueStream().map(JsonNode::asString)).doesNotContain("customerId")
                .contains("items", "deliveryAddress");
        assertThat(order.get("properties").get("items").get("maxItems").asInt()).isEqualTo(100);
        assertThat(order.get("properties").get("items").get("minItems").asInt()).isEqualTo(1);
        assertThat(document.get("components").get("schemas").get("Address").get("properties").get("street")
                .get("minLength").asInt()).isEqualTo(1);
        assertThat(item.get("properties").get("quantity").get("maximum").asInt()).isEqualTo(10_000);
        assertThat(item.get("properties").get("productId").get("maxLength").asInt()).isEqualTo(64);
        assertThat(parameter(document, "post /orders", "Idempotency-Key").get("schema").get("maxLength").asInt())
                .isEqualTo(128);
        assertThat(parameter(document, "get /orders", "size").get("schema").get("maximum").asInt()).isEqualTo(200);
        assertThat(parameter(document, "get /orders", "customerId").get("schema").get("maxLength").asInt())
                .isEqualTo(64);
    }

    @Test
    void theOrderAsAnsweredIsNotMistakenForTheOrderAsPlaced() {
        JsonNode schemas = document().get("components").get("schemas");

        assertThat(schemas.get("OrderResponse").get("properties").get("items").get("items").get("$ref").asString())
                .isEqualTo("#/components/schemas/OrderItem");
        assertThat(schemas.get("OrderItem").get("properties").has("lineTotal")).isTrue();
        assertThat(schemas.get("Item").get("properties").has("lineTotal")).isFalse();
    }

    @Test
    void theCallerIsNoParameterOfAnyOperation() {
        JsonNode document = document();

        ROLES.keySet().forEach(operation -> assertThat(parameterNames(operation(document, operation)))
                .as(operation).doesNotContain("caller"));
    }

    private JsonNode document() {
        HttpTestClient.Response response = http().get("/v3/api-docs");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode operation(JsonNode document, String methodAndPath) {
        String[] parts = methodAndPath.split(" ");
        return document.get("paths").get(parts[1]).get(parts[0]);
    }

    private static List<String> statuses(JsonNode document, String operation) {
        return List.copyOf(operation(document, operation).get("responses").propertyNames());
    }

    private static JsonNode parameter(JsonNode document, String operation, String name) {
        return operation(document, operation).get("parameters").valueStream()
                .filter(parameter -> parameter.get("name").asString().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> parameterNames(JsonNode operation) {
        return operation.has("parameters")
                ? operation.get("parameters").valueStream().map(p -> p.get("name").asString()).toList() : List.of();
    }

    /** The schema of a response's problem body, following the response's $ref into the components. */
    private static String problemSchema(JsonNode document, JsonNode response) {
        String ref = response.get("$ref").asString();
        JsonNode resolved = document.get("components").get("responses").get(ref.substring(ref.lastIndexOf('/') + 1));
        return resolved.get("content").get("application/problem+json").get("schema").get("$ref").asString();
    }
}
