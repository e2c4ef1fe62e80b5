package dev.orderflow.systemtests;

import java.time.Duration;
import java.util.function.Supplier;

import dev.orderflow.stack.Component;
import dev.orderflow.testinfra.HttpTestClient.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** order-service goes down behind the gateway: fast 503 problems, an open breaker, and recovery after a restart. */
@ExtendWith(SystemStackExtension.class)
class OrderServiceOutageIT {

    private static final Duration FAST = Duration.ofSeconds(2);

    private final SystemStack system;
    private final Shop shop;

    OrderServiceOutageIT(SystemStack system) {
        this.system = system;
        this.shop = system.shop();
    }

    @AfterEach
    void restoreTheSystem() {
        system.ensureRunning(Component.ORDER_SERVICE);
    }

    @Test
    void theGatewayFailsFastWithProblemsOpensItsBreakerAndRecoversAfterARestart() {
        String id = shop.placeOrder("DE");
        shop.awaitStatus(id, "CONFIRMED");

        system.stop(Component.ORDER_SERVICE);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            assertFastProblem(() -> shop.gateway().get("/api/orders/" + id));
            assertThat(shop.breakerState("order-service")).isEqualTo("OPEN");
        });
        assertFastProblem(() -> shop.place("DE"));
        assertThat(shop.gateway().get("/api/deliveries?orderId=" + id).status())
                .as("deliveries are served while orders are not").isEqualTo(200);
        assertThat(shop.breakerState("delivery-service")).isEqualTo("CLOSED");

        system.start(Component.ORDER_SERVICE);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(shop.gateway().get("/api/orders/" + id).status()).isEqualTo(200);
            assertThat(shop.breakerState("order-service")).isEqualTo("CLOSED");
        });
        assertThat(shop.order(id).path("status").asString()).isEqualTo("CONFIRMED");
    }

    /** A 503 problem naming the route, answered well within the gateway's timeouts. */
    private static void assertFastProblem(Supplier<Response> call) {
        long start = System.nanoTime();
        Response response = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST);
        assertThat(response.status()).as(response.body()).isEqualTo(503);
        assertThat(response.header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.json().path("status").asInt()).isEqualTo(503);
        assertThat(response.json().path("route").asString()).isEqualTo("order-service");
        assertThat(response.header("Retry-After")).isPresent();
    }
}
