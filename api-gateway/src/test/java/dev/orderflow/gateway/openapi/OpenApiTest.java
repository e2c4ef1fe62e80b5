package dev.orderflow.gateway.openapi;

import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.List;

import dev.orderflow.gateway.support.FakeBackend.Reply;
import dev.orderflow.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

import static dev.orderflow.gateway.support.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The API descriptions are public: every request here is sent without a token. */
class OpenApiTest extends GatewayIntegrationTest {

    private static final String ORDER_SERVICE_DOCUMENT = """
            {"openapi":"3.1.0","info":{"title":"order-service","version":"1"},
             "servers":[{"url":"http://order-service:8081","description":"Generated server url"}],
             "paths":{"/orders":{"get":{"responses":{"200":{"description":"OK"}}}}}}""";

    /** As a service describes its login: with the issuer's address inside the cluster. */
    private static final String SECURED_DOCUMENT = """
            {"openapi":"3.1.0","info":{"title":"order-service","version":"1"},"paths":{},
             "components":{"securitySchemes":{"orderflow":{"type":"oauth2","flows":{
               "authorizationCode":{"authorizationUrl":"%1$s/auth","tokenUrl":"%1$s/token","refreshUrl":"%1$s/token",
                                    "scopes":{}},
               "clientCredentials":{"tokenUrl":"%1$s/token","scopes":{}}}},
               "apiKey":{"type":"apiKey","in":"header","name":"X-Other"}}},
             "security":[{"orderflow":[]}]}"""
            .formatted("http://keycloak:8180/realms/orderflow/protocol/openid-connect");

    @Test
    void servesEachServicesDocumentWithTheGatewayAsServer() {
        orderService.answer(Reply.json(200, ORDER_SERVICE_DOCUMENT));

        HttpResponse<String> document = anonymous().get("/openapi/orders");

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(orderService.received().getFirst().path()).isEqualTo("/v3/api-docs");
        List<String> servers = json(document, "$.servers[*].url");
        assertThat(servers).containsExactly("/api");
        assertThat(json(document, "$.info.title").toString()).isEqualTo("order-service");
        assertThat((Object) json(document, "$.paths./orders")).isNotNull();
    }

    /** As a service describes its errors: a Problem schema, and a 503 of its own that the gateway's replaces. */
    private static final String DOCUMENT_WITH_PROBLEMS = """
            {"openapi":"3.1.0","info":{"title":"order-service","version":"1"},
             "paths":{"/orders/{id}":{"parameters":[],"get":{"responses":{
               "200":{"description":"OK","content":{"application/json":{"schema":{"type":"object"}}}},
               "404":{"$ref":"#/components/responses/NotFound"},
               "503":{"$ref":"#/components/responses/ServiceUnavailable"}}}}},
             "components":{"schemas":{"Problem":{"type":"object"}},
               "responses":{"NotFound":{"description":"No such order"},
                            "ServiceUnavailable":{"description":"The order store is unavailable"}}}}""";

    @Test
    void addsTheGatewaysOwnAnswersToEveryOperation() {
        orderService.answer(Reply.json(200, DOCUMENT_WITH_PROBLEMS));

        HttpResponse<String> document = anonymous().get("/openapi/orders");

        String responses = "$.paths['/orders/{id}'].get.responses";
        Collection<String> statuses = json(document, responses + ".keys()");
        assertThat(statuses).containsExactly("200", "404", "429", "503");
        assertThat(json(document, responses + "['429']['$ref']").toString())
                .isEqualTo("#/components/responses/TooManyRequests");
        assertThat(json(document, responses + "['503']['$ref']").toString())
                .isEqualTo("#/components/responses/GatewayUnavailable");
        assertThat(json(document, responses + "['404']['$ref']").toString())
                .isEqualTo("#/components/responses/NotFound");
        for (String gatewayResponse : List.of("TooManyRequests", "GatewayUnavailable")) {
            String response = "$.components.responses." + gatewayResponse;
            assertThat(json(document, response + ".content['application/problem+json'].schema['$ref']").toString())
                    .isEqualTo("#/components/schemas/Problem");
            assertThat(json(document, response + ".headers['Retry-After']['$ref']").toString())
                    .isEqualTo("#/components/headers/Retry-After");
        }
        Collection<String> successHeaders = json(document, responses + "['200'].headers.keys()");
        assertThat(successHeaders).containsExactlyInAnyOrder(
                "X-RateLimit-Remaining", "X-RateLimit-Replenish-Rate", "X-RateLimit-Burst-Capacity");
        assertThat(json(document, responses + "['200'].headers['X-RateLimit-Remaining']['$ref']").toString())
                .isEqualTo("#/components/headers/X-RateLimit-Remaining");
        assertThat(json(document, "$.components.headers['X-RateLimit-Remaining'].schema.type").toString())
                .isEqualTo("integer");
    }

    @Test
    void fetchesTheDeliveryDocumentFromTheDeliveryService() {
        deliveryService.answer(Reply.json(200, "{\"openapi\":\"3.1.0\",\"paths\":{}}"));

        HttpResponse<String> document = anonymous().get("/openapi/deliveries");

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(deliveryService.received().getFirst().path()).isEqualTo("/v3/api-docs");
        List<String> servers = json(document, "$.servers[*].url");
        assertThat(servers).containsExactly("/api");
    }

    @Test
    void passesAnythingThatIsNotAnOpenApiDocumentThroughUnchanged() {
        orderService.answer(Reply.json(404, "{\"title\":\"Not Found\"}"));

        HttpResponse<String> response = anonymous().get("/openapi/orders");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"title\":\"Not Found\"}");
    }

    @Test
    void pointsTheLoginOfTheDocumentsAtThePublicIssuer() {
        orderService.answer(Reply.json(200, SECURED_DOCUMENT));

        HttpResponse<String> document = anonymous().get("/openapi/orders");

        String issuer = identityProvider.issuerUri();
        String flows = "$.components.securitySchemes.orderflow.flows";
        assertThat(json(document, flows + ".authorizationCode.authorizationUrl").toString())
                .isEqualTo(issuer + "/protocol/openid-connect/auth");
        assertThat(json(document, flows + ".authorizationCode.tokenUrl").toString())
                .isEqualTo(issuer + "/protocol/openid-connect/token");
        assertThat(json(document, flows + ".authorizationCode.refreshUrl").toString())
                .isEqualTo(issuer + "/protocol/openid-connect/token");
        assertThat(json(document, flows + ".clientCredentials.tokenUrl").toString())
                .isEqualTo(issuer + "/protocol/openid-connect/token");
        assertThat(json(document, "$.components.securitySchemes.apiKey.name").toString()).isEqualTo("X-Other");
        List<String> servers = json(document, "$.servers[*].url");
        assertThat(servers).containsExactly("/api");
    }

    @Test
    void pointsSwaggerUiAtBothDocuments() {
        HttpResponse<String> config = anonymous().get("/v3/api-docs/swagger-config");

        assertThat(config.statusCode()).isEqualTo(200);
        List<String> urls = json(config, "$.urls[*].url");
        assertThat(urls).containsExactlyInAnyOrder("/openapi/orders", "/openapi/deliveries");
        assertThat(json(config, "$['urls.primaryName']").toString()).isEqualTo("orders");
    }

    @Test
    void servesSwaggerUi() {
        HttpResponse<String> redirect = anonymous().get("/swagger-ui.html");
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> page = anonymous().get(location.replaceFirst("^https?://[^/]+", ""));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");

        HttpResponse<String> initializer = anonymous().get("/swagger-ui/swagger-initializer.js");
        assertThat(initializer.statusCode()).isEqualTo(200);
        assertThat(initializer.body()).contains("/v3/api-docs/swagger-config");
    }

    @Test
    void logsSwaggerUiInWithTheClientForPeopleAndPkce() {
        HttpResponse<String> initializer = anonymous().get("/swagger-ui/swagger-initializer.js");
        HttpResponse<String> config = anonymous().get("/v3/api-docs/swagger-config");

        assertThat(initializer.body()).contains(
                "ui.initOAuth(\n{\"clientId\":\"orderflow-web\",\"usePkceWithAuthorizationCodeGrant\":true})");
        // The realm lets the client for people come back to the gateway's pages (redirectUris).
        String redirectUrl = json(config, "$.oauth2RedirectUrl");
        assertThat(redirectUrl).isEqualTo("http://127.0.0.1:" + port + "/swagger-ui/oauth2-redirect.html");
        assertThat(anonymous().get("/swagger-ui/oauth2-redirect.html").statusCode()).isEqualTo(200);
    }
}
