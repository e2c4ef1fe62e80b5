package dev.orderflow.stack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.orderflow.stack.ComponentStatus.Health;
import dev.orderflow.stack.SystemSnapshot.ServiceFigures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WatchScreenTest {

    private static final Instant AT = Instant.parse("2026-11-25T12:00:00Z");
    private final WatchScreen screen = new WatchScreen(Console.plain(new PrintStream(new ByteArrayOutputStream(), true,
            StandardCharsets.UTF_8)));

    @Test
    void showsSagasByStateMessagingPerServiceBreakersAndHealth() {
        String text = String.join("\n", screen.render(Optional.empty(), snapshot(AT, 3, 1_204, 301), Duration.ofSeconds(2)));

        assertThat(text).contains("orders      pending 3   confirmed 1,204   cancelled 301\n")
                .contains("deliveries  scheduled 1,200   failed 290   cancelled 4")
                .containsPattern("order-service\\s+12 rows\\s+0.4 s\\s+0\\s+0\n")
                .containsPattern("delivery-service\\s+- +- +- +-   \\(not answering\\)")
                .contains("breakers    delivery-service OPEN   order-service CLOSED")
                .contains("postgres healthy  kafka healthy  order-service healthy  delivery-service stopped");
    }

    @Test
    void ratesCompareWithThePreviousScreen() {
        SystemSnapshot before = snapshot(AT, 10, 100, 20);
        SystemSnapshot after = snapshot(AT.plusSeconds(2), 12, 130, 28);

        assertThat(screen.render(Optional.of(before), after, Duration.ofSeconds(2)).get(2))
                .endsWith("(20.0 placed/s, 19.0 finished/s)");
    }

    @Test
    void saysWhenTheGatewayDoesNotAnswerInsteadOfShowingZeros() {
        SystemSnapshot silent = new SystemSnapshot(AT, Map.of(), Map.of(), List.of(), Map.of(), List.of());

        assertThat(screen.render(Optional.of(snapshot(AT.minusSeconds(2), 1, 1, 1)), silent, Duration.ofSeconds(2)))
                .contains("orders      unknown: no answer through the gateway",
                        "breakers    unknown: the gateway does not answer");
    }

    private static SystemSnapshot snapshot(Instant at, long pending, long confirmed, long cancelled) {
        return new SystemSnapshot(at,
                Map.of("PENDING", pending, "CONFIRMED", confirmed, "CANCELLED", cancelled),
                Map.of("SCHEDULED", 1_200L, "FAILED", 290L, "CANCELLED", 4L),
                List.of(new ServiceFigures(Component.ORDER_SERVICE, OptionalDouble.of(12), OptionalDouble.of(0.4),
                                OptionalDouble.of(0), OptionalDouble.of(0)),
                        ServiceFigures.unreachable(Component.DELIVERY_SERVICE)),
                Map.of("order-service", "CLOSED", "delivery-service", "OPEN"),
                List.of(status(Component.POSTGRES, Health.HEALTHY), status(Component.KAFKA, Health.HEALTHY),
                        status(Component.ORDER_SERVICE, Health.HEALTHY), status(Component.DELIVERY_SERVICE, Health.STOPPED)));
    }

    private static ComponentStatus status(Component component, Health health) {
        return new ComponentStatus(component, Optional.empty(), 0, Optional.empty(), health, Optional.empty(), Map.of());
    }
}
