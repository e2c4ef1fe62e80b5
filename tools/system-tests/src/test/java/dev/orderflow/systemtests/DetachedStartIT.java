package dev.orderflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.orderflow.stack.Console;
import dev.orderflow.stack.Ports;
import dev.orderflow.stack.Stack;
import dev.orderflow.stack.StackSettings;

/**
 * {@code ./stack up --detach} is in charge of the stack until it is up: {@code ./stack down} from another terminal
 * in the meantime stops it first, so that it starts nothing more, and then everything it started. Its own stack
 * (free ports, a data directory of its own), stopped while its services start.
 */
class DetachedStartIT {

    private static final Path DATA_DIR = Path.of("target/detached-start").toAbsolutePath();

    private final Ports ports = Ports.free();
    private final Stack stack = new Stack(StackSettings.builder(DATA_DIR, SystemStack.artifacts()).build(false)
            .ports(ports).build(), Console.plain(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    private final StringBuffer output = new StringBuffer();
    private Thread outputReader;

    @AfterEach
    void leaveNothingRunning() {
        stack.reset();
    }

    @Test
    void downDuringADetachedStartStopsTheLauncherAndEverythingItHadStarted() throws Exception {
        stack.reset();
        List<String> arguments = new ArrayList<>(List.of("up", "--detach", "--no-build", "--no-startup-cache",
                "--data-dir", DATA_DIR.toString()));
        arguments.addAll(ports.asFlags());
        Process up = launcher(arguments.toArray(String[]::new));
        awaitOutput(up, "order-service    starting on port", Duration.ofMinutes(2));

        stack.down();

        assertThat(up.isAlive()).as("the detached launcher, once down returned\n%s", output).isFalse();
        assertThat(up.waitFor(10, TimeUnit.SECONDS)).isTrue();
        outputReader.join(Duration.ofSeconds(10)); // everything it printed, to the end of its output
        assertThat(output.toString()).as(output.toString()).contains("Stopping everything", "Stopped in")
                .doesNotContain("error:");
        assertThat(stack.status()).allSatisfy(status -> assertThat(status.pid()).as(status.component().id()).isEmpty());
    }

    /** The launcher's jar, as ./stack runs it; its output is collected in the background. */
    private Process launcher(String... arguments) throws IOException {
        Process process = SystemStack.launcher(arguments).start();
        outputReader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                lines.lines().forEach(line -> output.append(line).append('\n'));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "launcher-output");
        outputReader.setDaemon(true);
        outputReader.start();
        return process;
    }

    private void awaitOutput(Process process, String expected, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!output.toString().contains(expected)) {
            assertThat(process.isAlive()).as("the launcher ended before printing '%s':\n%s", expected, output).isTrue();
            assertThat(Instant.now()).as("'%s' within %s:\n%s", expected, timeout, output).isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
