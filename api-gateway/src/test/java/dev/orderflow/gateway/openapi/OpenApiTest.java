package dev.orderflow.gateway.openapi;

import java.net.http.HttpResponse;
import java.util.List;

import dev.orderflow.gateway.support.FakeBackend.Reply;
import dev.orderflow.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

import static dev.orderflow.gateway.support.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class OpenApiTest extends GatewayIntegrationTest {

    private static final String ORDER_SERVICE_DOCUMENT = """
            {"openapi":"3.1.0","info":{"title":"order-service","version":"1"},
             "servers":[{"url":"http://order-service:8081","description":"Generated server url"}],
             "paths":{"/orders":{"get":{"responses":{"200":{"description":"OK"}}}}}}""";

    @Test
    void servesEachServicesDocumentWithTheGatewayAsServer() {
        orderService.answer(Reply.json(200, ORDER_SERVICE_DOCUMENT));

        HttpResponse<String> document = gateway.get("/openapi/orders");

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(orderService.received().getFirst().path()).isEqualTo("/v3/api-docs");
        List<String> servers = json(document, "$.servers[*].url");
        assertThat(servers).containsExactly("/api");
        assertThat(json(document, "$.info.title").toString()).isEqualTo("order-service");
        assertThat((Object) json(document, "$.paths./orders")).isNotNull();
    }

    @Test
    void fetchesTheDeliveryDocumentFromTheDeliveryService() {
        deliveryService.answer(Reply.json(200, "{\"openapi\":\"3.1.0\",\"paths\":{}}"));

        HttpResponse<String> document = gateway.get("/openapi/deliveries");

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(deliveryService.received().getFirst().path()).isEqualTo("/v3/api-docs");
        List<String> servers = json(document, "$.servers[*].url");
        assertThat(servers).containsExactly("/api");
    }

    @Test
    void passesAnythingThatIsNotAnOpenApiDocumentThroughUnchanged() {
        orderService.answer(Reply.json(404, "{\"title\":\"Not Found\"}"));

        HttpResponse<String> response = gateway.get("/openapi/orders");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"title\":\"Not Found\"}");
    }

    @Test
    void pointsSwaggerUiAtBothDocuments() {
        HttpResponse<String> config = gateway.get("/v3/api-docs/swagger-config");

        assertThat(config.statusCode()).isEqualTo(200);
        List<String> urls = json(config, "$.urls[*].url");
        assertThat(urls).containsExactlyInAnyOrder("/openapi/orders", "/openapi/deliveries");
        assertThat(json(config, "$['urls.primaryName']").toString()).isEqualTo("orders");
    }

    @Test
    void servesSwaggerUi() {
        HttpResponse<String> redirect = gateway.get("/swagger-ui.html");
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> page = gateway.get(location.replaceFirst("^https?://[^/]+", ""));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");

        HttpResponse<String> initializer = gateway.get("/swagger-ui/swagger-initializer.js");
        assertThat(initializer.statusCode()).isEqualTo(200);
        assertThat(initializer.body()).contains("/v3/api-docs/swagger-config");
    }
}
