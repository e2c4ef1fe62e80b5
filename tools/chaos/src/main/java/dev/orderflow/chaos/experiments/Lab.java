package dev.orderflow.chaos.experiments;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import dev.orderflow.audit.ConsistencyAuditor;
import dev.orderflow.audit.ConsistencyRules;
import dev.orderflow.stack.AccessTokens;
import dev.orderflow.stack.Component;
import dev.orderflow.stack.Console;
import dev.orderflow.stack.Ports;
import dev.orderflow.stack.Stack;

/**
 * The system under experiment: a running local stack, reached through the launcher's code (kill, stop, start,
 * restart with other settings), through the gateway as the realm's automation client (load, audit: a customer of
 * its own, and an operator who reads every order) and through the services' management ports (Chaos Monkey).
 *
 * @param settleTime how long a change may take to reach the other service (the audit does not judge younger ones)
 */
public record Lab(Stack stack, Console console, Duration deadline, Duration settleTime, double rate,
                  Duration loadDuration) {

    public Ports ports() {
        return stack.ports();
    }

    public URI gateway() {
        return URI.create("http://localhost:" + ports().gateway());
    }

    /** Where a service serves its actuator (health, metrics, Chaos Monkey): never beside its API. */
    public URI management(Component component) {
        return URI.create("http://localhost:" + ports().managementOf(component));
    }

    /**
     * Bearer tokens of the automation client from the stack's Keycloak: each call a source of its own, which keeps
     * its token and renews it shortly before it expires.
     */
    public Supplier<String> automationToken() {
        return new AccessTokens(ports().issuer())::automation;
    }

    public String kafkaBootstrap() {
        return "localhost:" + ports().kafka();
    }

    public Path logOf(Component component) {
        return stack.settings().logOf(component);
    }

    /** The stack's database as its superuser (trusted from this machine): for faults no service can cause itself. */
    public Connection database() throws SQLException {
        return DriverManager.getConnection(stack.databaseUrl(), "postgres", "");
    }

    public ConsistencyAuditor auditor(Duration sagaDeadline) {
        return new ConsistencyAuditor(gateway(), automationToken(), new ConsistencyRules(sagaDeadline, settleTime),
                Clock.systemUTC());
    }

    /** SIGKILL, as a crash. */
    public void kill(Component component) {
        stack.stop(component, true);
    }

    /** SIGTERM: an orderly shutdown. */
    public void stop(Component component) {
        stack.stop(component, false);
    }

    /** Starts the component with the stack's own settings and waits until it is healthy. */
    public void start(Component component) {
        stack.start(component);
    }

    /** Stops the component and starts it again with extra environment variables (a profile, a deadline). */
    public void restartWith(Component component, Map<String, String> environment) {
        stack.stop(component, false);
        new Stack(stack.settings().withEnvironment(component, environment), console).start(component);
    }

    /** Stops the component and starts it again with the stack's own settings. */
    public void restart(Component component) {
        stack.stop(component, false);
        stack.start(component);
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
