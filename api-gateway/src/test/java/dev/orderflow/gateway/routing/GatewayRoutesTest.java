package dev.orderflow.gateway.routing;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.orderflow.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;

import static dev.orderflow.gateway.support.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards against routes that silently vanish: Spring Cloud 2025.1 ignores routes declared under the old
 * {@code spring.cloud.gateway.routes} prefix without any warning.
 */
class GatewayRoutesTest extends GatewayIntegrationTest {

    @Autowired
    RouteLocator routeLocator;

    @Test
    void loadsTheRoutesOfBothServicesFromConfiguration() {
        Map<String, Route> routes = routeLocator.getRoutes().collectMap(Route::getId).block();

        assertThat(routes).containsOnlyKeys("order-service", "delivery-service", "order-service-openapi",
                "delivery-service-openapi");
        assertThat(routes.get("order-service").getUri()).hasToString(orderService.url());
        assertThat(routes.get("delivery-service").getUri()).hasToString(deliveryService.url());
    }

    @Test
    void showsTheRoutesReadOnlyOnTheManagementPort() {
        HttpResponse<String> routes = management.get("/actuator/gateway/routes");

        assertThat(routes.statusCode()).isEqualTo(200);
        List<String> ids = json(routes, "$[*].route_id");
        assertThat(ids).contains("order-service", "delivery-service");
        assertThat(management.send("POST", "/actuator/gateway/refresh", null).statusCode()).isNotEqualTo(200);
        assertThat(management.send("DELETE", "/actuator/gateway/routes/order-service", null).statusCode())
                .isNotEqualTo(200);
        assertThat(routeLocator.getRoutes().collectList().block()).hasSize(4);
    }
}
