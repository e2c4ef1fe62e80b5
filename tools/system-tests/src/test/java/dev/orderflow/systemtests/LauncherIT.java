package dev.orderflow.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.orderflow.stack.Component;
import dev.orderflow.stack.Console;
import dev.orderflow.stack.Ports;
import dev.orderflow.stack.Stack;
import dev.orderflow.stack.StackException;
import dev.orderflow.stack.StackSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What ./stack itself promises: a status from any terminal, and clear errors when something is in the way. */
@ExtendWith(SystemStackExtension.class)
class LauncherIT {

    private final SystemStack system;
    private final StackSettings settings;

    LauncherIT(SystemStack system) {
        this.system = system;
        this.settings = system.stack().settings();
    }

    @AfterEach
    void restoreTheSystem() {
        system.ensureRunning(Component.ORDER_SERVICE);
    }

    @Test
    void theStatusCommandOfTheLauncherJarShowsEveryProcessHealthy() throws Exception {
        String output = launcher("status");

        for (Component component : Component.values()) {
            assertThat(output).as(output).containsPattern("(?m)^" + component.id() + "\\s+\\d+\\s+"
                    + system.stack().ports().of(component) + "\\s+(\\d+|-)\\s+healthy");
        }
        assertThat(output).contains("breakers: delivery-service CLOSED, order-service CLOSED");
    }

    @Test
    void theWatchCommandSummarisesSagasMessagingAndBreakersOnOneScreen() throws Exception {
        Shop shop = system.shop();
        shop.awaitStatus(shop.placeOrder("KR"), "CONFIRMED");
        long confirmed = shop.countOrders("CONFIRMED");

        String screen = launcher("watch", "--once");

        assertThat(screen).as(screen)
                .containsPattern("(?m)^orders\\s+pending \\d+\\s+confirmed " + String.format(Locale.ROOT, "%,d", confirmed)
                        + "\\s+cancelled \\d+")
                .containsPattern("(?m)^deliveries\\s+scheduled \\d+")
                .containsPattern("(?m)^order-service\\s+\\d+ rows\\s+[\\d.]+ s\\s+\\d+\\s+\\d+$")
                .containsPattern("(?m)^delivery-service\\s+\\d+ rows\\s+[\\d.]+ s\\s+\\d+\\s+\\d+$")
                .contains("breakers    delivery-service CLOSED   order-service CLOSED")
                .contains("api-gateway healthy");
    }

    @Test
    void everyServiceRunsFromTheStartupCacheTrainedAtItsFirstStart() throws IOException {
        for (Component service : Component.services()) {
            ProcessHandle process = ProcessHandle.of(system.stack().status().stream()
                    .filter(status -> status.component() == service).findFirst().orElseThrow().pid().orElseThrow())
                    .orElseThrow();
            List<String> arguments = List.of(process.info().arguments().orElseThrow());
            Path cacheDir = settings.startupCache().orElseThrow().resolve(service.id());

            assertThat(arguments).as(service + " runs from its extracted jar with the cache")
                    .anySatisfy(argument -> assertThat(argument).matches("-XX:(AOTCache|SharedArchiveFile)=" + cacheDir + "/app\\.(aot|jsa)"))
                    .contains(cacheDir.resolve("app").resolve(service.id() + ".jar").toString());
            assertThat(Files.readAllLines(settings.logOf(service))).as("%s: the JVM used the cache without a complaint", service)
                    .noneMatch(line -> line.contains("][aot]") || line.contains("][cds]"));
        }
    }

    @Test
    void theStartupCachesWereTrainedOnSagasInAStackOfTheirOwnThatLeftNothingBehind() throws IOException, SQLException {
        Pattern trainedOn = Pattern.compile("([\\d,]+) sagas \\(([\\d,]+) confirmed, ([\\d,]+) cancelled\\) in .+");
        for (Component service : Component.services()) {
            String text = Files.readString(settings.startupCache().orElseThrow().resolve(service.id()).resolve("trained-on"));
            Matcher sagas = trainedOn.matcher(text);
            assertThat(sagas.matches()).as("%s was trained on: %s", service, text).isTrue();
            long placed = count(sagas.group(1));
            assertThat(placed).as("%s: sagas in its training", service).isPositive();
            assertThat(count(sagas.group(2)) + count(sagas.group(3))).as("%s: every training saga ended", service)
                    .isEqualTo(placed);
            assertThat(count(sagas.group(3))).as("%s: the compensation ran in its training too", service).isPositive();
        }
        assertThat(settings.dataDir().resolve("training")).as("the training's stack, deleted").doesNotExist();
        // The training ships one order in five to McMurdo Station (TrainingWorkload); no test here does.
        try (Connection database = DriverManager.getConnection(system.stack().databaseUrl(), "postgres", "");
             ResultSet trainingOrders = database.createStatement().executeQuery(
                     "SELECT count(*) FROM orders.customer_order WHERE city = 'McMurdo Station'")) {
            trainingOrders.next();
            assertThat(trainingOrders.getLong(1)).as("the training's orders in the stack's database").isZero();
        }
    }

    private static long count(String digits) {
        return Long.parseLong(digits.replace(",", ""));
    }

    /** Runs the launcher's jar, as ./stack does, against this stack's data directory; returns what it printed. */
    private String launcher(String... command) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(command));
        arguments.addAll(List.of("--data-dir", settings.dataDir().toString()));
        Process process = SystemStack.launcher(arguments.toArray(String[]::new)).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void refusesAPortThatIsInUseAndSaysWhatHoldsIt() throws IOException {
        int taken = system.stack().ports().gateway();
        Ports free = Ports.free();
        Path otherDataDir = Files.createTempDirectory(settings.dataDir().getParent(), "port-conflict");
        Stack other = new Stack(StackSettings.builder(otherDataDir, settings.artifacts()).build(false)
                .ports(new Ports(taken, free.orderService(), free.deliveryService(), free.postgres(), free.kafka(),
                        free.kafkaController(), free.keycloak(), free.gatewayManagement(), free.orderServiceManagement(),
                        free.deliveryServiceManagement(), free.keycloakManagement()))
                .build(), Console.plain(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));

        StackException refused = catchThrowableOfType(StackException.class, other::up);

        assertThat(refused.getMessage())
                .contains("port " + taken + " (api-gateway) is already in use by pid ")
                .contains("--gateway-port", "ORDERFLOW_STACK_GATEWAY_PORT");
        assertThat(other.status()).allSatisfy(status -> assertThat(status.isHealthy()).isFalse());
        assertThat(otherDataDir.resolve("postgres")).doesNotExist();
    }

    @Test
    void aServiceThatCannotStartIsReportedWithTheEndOfItsLog() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Stack misconfigured = new Stack(StackSettings.builder(settings.dataDir(), settings.artifacts()).build(false)
                .ports(system.stack().ports())
                .startupTimeout(Duration.ofMinutes(2))
                // from the jar: a startup cache of its own would first be trained, in vain, for a minute
                .startupCache(false)
                .environment(Component.ORDER_SERVICE, "SPRING_DATASOURCE_PASSWORD", "not-the-password")
                .build(), Console.plain(new PrintStream(out, true, StandardCharsets.UTF_8)));
        system.stop(Component.ORDER_SERVICE);

        StackException failed = catchThrowableOfType(StackException.class,
                () -> misconfigured.start(Component.ORDER_SERVICE));

        assertThat(failed.getMessage()).startsWith("order-service exited with code 1 while starting");
        List<String> details = failed.details();
        assertThat(String.join("\n", details)).contains("password authentication failed for user \"order_service\"");
        assertThat(details.get(details.size() - 1))
                .isEqualTo("full log: " + settings.dataDir().resolve("logs/order-service.log"));
    }
}
