package dev.orderflow.stack;

import java.nio.file.Path;

import dev.orderflow.stack.Console.Tone;

/** What {@code ./stack up} prints once everything is healthy: where to go next. */
final class Banner {

    private Banner() {
    }

    static void print(Console console, Ports ports, Path dataDir) {
        String gateway = "http://localhost:" + ports.gateway();
        console.blank();
        console.say("orderflow is running", Tone.GOOD);
        console.info("  Gateway (the API)  " + gateway + "/api/orders   " + gateway + "/api/deliveries   (bearer token needed)");
        console.info("  Swagger UI         " + gateway + "/swagger-ui.html   (Authorize: log in as alice, bob or olivia)");
        console.info("  Keycloak           " + ports.issuer() + "   (demo users alice, bob: customers; olivia: operator;"
                + " password = name)");
        console.info("  Management ports   api-gateway " + ports.gatewayManagement() + ", order-service "
                + ports.orderServiceManagement() + ", delivery-service " + ports.deliveryServiceManagement()
                + ", keycloak " + ports.keycloakManagement() + "   (health, metrics; on localhost only)");
        console.info("  Gateway health     http://localhost:" + ports.gatewayManagement() + "/actuator/health   "
                + "http://localhost:" + ports.gatewayManagement() + "/actuator/circuitbreakers");
        console.info("  Metrics            http://localhost:" + ports.orderServiceManagement() + "/actuator/prometheus   "
                + "http://localhost:" + ports.deliveryServiceManagement() + "/actuator/prometheus   "
                + "http://localhost:" + ports.gatewayManagement() + "/actuator/prometheus");
        console.info("  PostgreSQL         " + DatabaseSetup.url(ports.postgres())
                + "   (roles order_service / delivery_service, password = role name; superuser postgres)");
        console.info("  Kafka              localhost:" + ports.kafka() + "   (topics orders.events, deliveries.events)");
        console.info("  Logs               " + dataDir.resolve("logs"));
        console.blank();
        console.info("  Place an order as alice:");
        console.info("    TOKEN=$(./stack token alice)");
        console.info("    curl -i " + gateway + "/api/orders -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json'"
                + " -d '{\"items\":[{\"productId\":\"p-1\",\"quantity\":2,\"unitPrice\":12.50}],\"deliveryAddress\":"
                + "{\"street\":\"1 Main St\",\"city\":\"Seoul\",\"postalCode\":\"04524\",\"country\":\"KR\"}}'");
        console.info("  Watch the saga and its failures: ./stack demo      Live summary: ./stack watch      Status: ./stack status");
    }
}
