package dev.orderflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orderflow.testinfra.HttpTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document, public like Swagger UI, says what the API really does: how to get a token, which roles
 * each operation admits, the problem every error is, and the limits the validation enforces.
 */
class ApiDocumentIT extends DeliveryServiceIntegrationTest {

    private static final List<String> OPERATIONS = List.of("/deliveries", "/deliveries/{id}");

    @Test
    void theDocumentAndSwaggerUiNeedNoToken() {
        assertThat(http().get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(http().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void theSecuritySchemesAreTheRealmsAuthorizationCodeFlowAndItsBearerTokens() {
        JsonNode schemes = document().get("components").get("securitySchemes");

        JsonNode flow = schemes.get("oauth2").get("flows").get("authorizationCode");
        assertThat(flow.get("authorizationUrl").asString()).isEqualTo(tokens().issuerUri() + "/protocol/openid-connect/auth");
        assertThat(flow.get("tokenUrl").asString()).isEqualTo(tokens().issuerUri() + "/protocol/openid-connect/token");
        assertThat(schemes.get("bearer").get("scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.get("bearer").get("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(document().get("security").valueStream().flatMap(requirement -> requirement.propertyNames().stream()))
                .containsExactlyInAnyOrder("oauth2", "bearer");
    }

    @Test
    void everyOperationNamesItsRolesAndAnswers401And403WithAProblem() {
        JsonNode document = document();

        OPERATIONS.forEach(path -> {
            JsonNode operation = document.get("paths").get(path).get("get");
            assertThat(operation.get("x-allowed-roles").valueStream().map(JsonNode::asString)).as(path)
                    .containsExactly("customer", "operator");
            assertThat(operation.get("responses").propertyNames()).as(path).contains("200", "400", "401", "403");
            assertThat(problemSchema(document, operation.get("responses").get("401"))).isEqualTo("#/components/schemas/Problem");
            assertThat(problemSchema(document, operation.get("responses").get("403"))).isEqualTo("#/components/schemas/Problem");
            assertThat(parameterNames(operation)).as(path).doesNotContain("caller");
        });
        assertThat(document.get("paths").get("/deliveries/{id}").get("get").get("responses").has("404")).isTrue();
    }

    @Test
    void theLimitsTheValidationEnforcesAreInTheSchemas() {
        JsonNode list = document().get("paths").get("/deliveries").get("get");

        assertThat(parameter(list, "size").get("schema").get("maximum").asInt()).isEqualTo(200);
        assertThat(parameter(list, "page").get("schema").get("maximum").asInt()).isEqualTo(100_000);
        assertThat(parameter(list, "orderId").get("schema").get("format").asString()).isEqualTo("uuid");
    }

    private JsonNode document() {
        HttpTestClient.Response response = http().get("/v3/api-docs");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        return operation.get("parameters").valueStream()
                .filter(parameter -> parameter.get("name").asString().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> parameterNames(JsonNode operation) {
        return operation.has("parameters")
                ? operation.get("parameters").valueStream().map(p -> p.get("name").asString()).toList() : List.of();
    }

    private static String problemSchema(JsonNode document, JsonNode response) {
        String ref = response.get("$ref").asString();
        JsonNode resolved = document.get("components").get("responses").get(ref.substring(ref.lastIndexOf('/') + 1));
        return resolved.get("content").get("application/problem+json").get("schema").get("$ref").asString();
    }
}
