package dev.orderflow.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
        Path launcher = Path.of(System.getProperty("orderflow.system-tests.jars", "target/stack-jars"), "local-stack-exec.jar");
        Process status = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar",
                launcher.toString(), "status", "--data-dir", settings.dataDir().toString())
                .redirectErrorStream(true).start();
        String output = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(status.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(status.exitValue()).as(output).isZero();
        for (Component component : Component.values()) {
            assertThat(output).as(output).containsPattern("(?m)^" + component.id() + "\\s+\\d+\\s+"
                    + system.stack().ports().of(component) + "\\s+healthy");
        }
        assertThat(output).contains("breakers: delivery-service CLOSED, order-service CLOSED");
    }

    @Test
    void refusesAPortThatIsInUseAndSaysWhatHoldsIt() throws IOException {
        int taken = system.stack().ports().gateway();
        Ports free = Ports.free();
        Path otherDataDir = Files.createTempDirectory(settings.dataDir().getParent(), "port-conflict");
        Stack other = new Stack(StackSettings.builder(otherDataDir, settings.artifacts()).build(false)
                .ports(new Ports(taken, free.orderService(), free.deliveryService(), free.postgres(), free.kafka(),
                        free.kafkaController()))
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
