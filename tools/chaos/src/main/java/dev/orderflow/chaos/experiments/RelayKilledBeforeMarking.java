package dev.orderflow.chaos.experiments;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.Topics;
import dev.orderflow.stack.Component;

/**
 * The outbox relay dies after Kafka acknowledged a batch and before it marked the rows sent, so the batch goes
 * out again after the restart: duplicates on the wire, which the consumers' inboxes must drop.
 *
 * <p>The window is opened on command, not hit by luck: order-service's role loses the right to update its outbox
 * table (the superuser revokes it), so every relay pass sends its batch, waits for Kafka's acknowledgements and then
 * fails to mark it, and sends it again at the next pass. While orders keep coming, order-service is SIGKILLed
 * {@link #KILLS} times (by default) with such unmarked, already published rows, the right is given back, and it is
 * started again: its new relay publishes them once more and marks them. What really went over
 * {@code orders.events} is read back and the repeated {@code ce_id}s are counted; none means the window was missed,
 * and the experiment fails.
 */
public final class RelayKilledBeforeMarking implements Scenario {

    static final int KILLS = 4;
    private static final int BURST = 25;
    /** Several relay passes (one every 500 ms, and one per commit) while the marking is refused. */
    private static final Duration UNMARKED = Duration.ofSeconds(2);

    private final int kills;
    private TopicReader.Mark mark;
    private int events;
    private long repeatedIds;

    public RelayKilledBeforeMarking() {
        this(KILLS);
    }

    /** With fewer kills, for the short version the system tests run. */
    public RelayKilledBeforeMarking(int kills) {
        this.kills = kills;
    }

    public long repeatedIds() {
        return repeatedIds;
    }

    @Override
    public String name() {
        return "relay-killed-before-marking";
    }

    @Override
    public void prepare(Lab lab) {
        mark = new TopicReader(lab.kafkaBootstrap()).mark(Topics.ORDER_EVENTS);
    }

    @Override
    public String inject(Lab lab, SteadyLoad load) {
        Supplier<String> token = lab.automationToken();
        for (int kill = 0; kill < kills; kill++) {
            outboxMarking(lab, false);
            String bearer = token.get(); // fetched before the burst, so that every order of it leaves at once
            try (ExecutorService burst = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < BURST; i++) {
                    burst.execute(() -> placeOnce(lab.gateway(), bearer));
                }
                Lab.pause(UNMARKED);
                lab.kill(Component.ORDER_SERVICE);
            } finally {
                outboxMarking(lab, true);
            }
            lab.start(Component.ORDER_SERVICE);
            Lab.pause(Duration.ofSeconds(2));
        }
        return "order-service may not mark its outbox rows sent for " + UNMARKED.toSeconds() + " s"
                + ", then SIGKILL, " + kills + " times, each during a burst of " + BURST + " concurrent orders";
    }

    @Override
    public List<String> verify(Lab lab, SteadyLoad.Result load) {
        List<TopicReader.Received> published = new TopicReader(lab.kafkaBootstrap()).since(mark);
        Map<String, Long> timesSent = published.stream()
                .map(record -> record.headers().getOrDefault(CloudEventHeaders.ID, "?"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        events = timesSent.size();
        repeatedIds = timesSent.values().stream().filter(times -> times > 1).count();
        return repeatedIds > 0 ? List.of()
                : List.of("no event went over orders.events twice: the sent-but-not-marked window was not hit");
    }

    @Override
    public String observed() {
        return events + " events on orders.events, " + repeatedIds + " of them sent more than once";
    }

    @Override
    public void restore(Lab lab) {
        outboxMarking(lab, true);
    }

    /** Gives order-service's role back, or takes away, the right to update (mark) its outbox rows. */
    private static void outboxMarking(Lab lab, boolean allowed) {
        try (Connection database = lab.database(); Statement statement = database.createStatement()) {
            statement.execute(allowed ? "GRANT UPDATE ON orders.outbox_event TO order_service"
                    : "REVOKE UPDATE ON orders.outbox_event FROM order_service");
        } catch (SQLException e) {
            throw new IllegalStateException("could not " + (allowed ? "grant" : "revoke") + " UPDATE on orders.outbox_event: "
                    + e.getMessage(), e);
        }
    }

    /** One order with no retry: a burst the kill cuts off may or may not have been committed; the audit judges both. */
    private static void placeOnce(URI gateway, String bearerToken) {
        String body = """
                {"items":[{"productId":"SKU-BURST","quantity":1,"unitPrice":1.50}],\
                "deliveryAddress":{"street":"1 Main St","city":"Somewhere","postalCode":"12345","country":"KR"}}""";
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/orders")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Authorization", "Bearer " + bearerToken)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (Exception cutOff) {
            // the kill came first: the order exists or not, the audit will tell
        }
    }
}
