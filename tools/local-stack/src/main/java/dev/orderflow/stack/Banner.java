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
        console.info("  Gateway (the API)  " + gateway + "/api/orders   " + gateway + "/api/deliveries");
        console.info("  Swagger UI         " + gateway + "/swagger-ui.html");
        console.info("  Gateway health     " + gateway + "/actuator/health   " + gateway + "/actuator/circuitbreakers");
        console.info("  order-service      http://localhost:" + ports.orderService()
                + "   (Swagger UI http://localhost:" + ports.orderService() + "/swagger-ui.html)");
        console.info("  delivery-service   http://localhost:" + ports.deliveryService()
                + "   (Swagger UI http://localhost:" + ports.deliveryService() + "/swagger-ui.html)");
        console.info("  PostgreSQL         " + DatabaseSetup.url(ports.postgres())
                + "   (roles order_service / delivery_service, password = role name; superuser postgres)");
        console.info("  Kafka              localhost:" + ports.kafka() + "   (topics orders.events, deliveries.events)");
        console.info("  Metrics            " + "http://localhost:" + ports.orderService() + "/actuator/prometheus   "
                + "http://localhost:" + ports.deliveryService() + "/actuator/prometheus   " + gateway
                + "/actuator/prometheus");
        console.info("  Logs               " + dataDir.resolve("logs"));
        console.blank();
        console.info("  Place an order:");
        console.info("    curl -i " + gateway + "/api/orders -H 'Content-Type: application/json' -d '{\"customerId\":\"c-42\","
                + "\"items\":[{\"productId\":\"p-1\",\"quantity\":2,\"unitPrice\":12.50}],\"deliveryAddress\":"
                + "{\"street\":\"1 Main St\",\"city\":\"Seoul\",\"postalCode\":\"04524\",\"country\":\"KR\"}}'");
        console.info("  Watch the saga and its failures: ./stack demo      Live summary: ./stack watch      Status: ./stack status");
    }
}
