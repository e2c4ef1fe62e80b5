package dev.orderflow.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.orderflow.stack.Component;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** delivery-service crashes (SIGKILL) while orders come in: they wait, nothing is lost, nothing is applied twice. */
@ExtendWith(SystemStackExtension.class)
class DeliveryServiceCrashIT {

    private final SystemStack system;
    private final Shop shop;

    DeliveryServiceCrashIT(SystemStack system) {
        this.system = system;
        this.shop = system.shop();
    }

    @AfterEach
    void restoreTheSystem() {
        system.ensureRunning(Component.DELIVERY_SERVICE);
    }

    @Test
    void ordersPlacedWhileDeliveryServiceIsDownWaitAndAllConfirmOnceItIsBack() {
        system.kill(Component.DELIVERY_SERVICE);
        List<String> orders = new ArrayList<>();
        for (String country : List.of("KR", "US", "JP", "DE", "FR", "GB")) {
            orders.add(shop.placeOrder(country));
        }

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> orders.stream().allMatch(id -> "PENDING".equals(shop.order(id).path("status").asString())));

        system.start(Component.DELIVERY_SERVICE);

        // Kafka hands the killed instance's partitions over once its session times out (45 s by default).
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> orders.stream().allMatch(id -> "CONFIRMED".equals(shop.order(id).path("status").asString())));
        for (String id : orders) {
            JsonNode delivery = shop.onlyDeliveryOf(id);
            assertThat(delivery.path("status").asString()).isEqualTo("SCHEDULED");
            assertThat(shop.order(id).path("deliveryId").asString()).isEqualTo(delivery.path("id").asString());
        }
    }
}
