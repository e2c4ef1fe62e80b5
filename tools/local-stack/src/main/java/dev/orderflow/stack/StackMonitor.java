package dev.orderflow.stack;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import dev.orderflow.stack.ComponentStatus.Health;
import dev.orderflow.stack.Console.Tone;

/**
 * Watches a running stack once a second and prints one line per change: a component stopping, starting, becoming
 * healthy or unhealthy, and the gateway's circuit breakers changing state.
 */
final class StackMonitor implements Runnable {

    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private final Stack stack;
    private final Console console;
    private final Map<Component, Health> last = new EnumMap<>(Component.class);
    private Map<String, String> lastBreakers = new TreeMap<>();
    private volatile boolean running = true;

    StackMonitor(Stack stack, Console console) {
        this.stack = stack;
        this.console = console;
    }

    @Override
    public void run() {
        Ports ports = stack.ports();
        for (Component component : Component.values()) {
            last.put(component, Health.HEALTHY);
        }
        lastBreakers = GatewayBreakers.states(stack.probe(), ports);
        while (running) {
            for (Component component : Component.values()) {
                ComponentStatus status = stack.statusOf(component, ports);
                Health previous = last.put(component, status.health());
                if (previous != status.health()) {
                    report(status);
                }
            }
            if (last.get(Component.API_GATEWAY) == Health.HEALTHY) {
                reportBreakers(GatewayBreakers.states(stack.probe(), ports));
            }
            try {
                Thread.sleep(INTERVAL.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void stop() {
        running = false;
    }

    private void report(ComponentStatus status) {
        String pid = status.pid().map(p -> " (pid " + p + ")").orElse("");
        switch (status.health()) {
            case STOPPED:
                console.event(status.component().id(), "is down", Tone.BAD);
                break;
            case STARTING:
                console.event(status.component().id(), "starting" + pid, Tone.WARN);
                break;
            case HEALTHY:
                console.event(status.component().id(), "healthy" + pid, Tone.GOOD);
                break;
            default:
                console.event(status.component().id(), "unhealthy: its health check fails" + pid, Tone.BAD);
        }
    }

    private void reportBreakers(Map<String, String> breakers) {
        breakers.forEach((name, state) -> {
            String previous = lastBreakers.get(name);
            if (previous != null && !Objects.equals(previous, state)) {
                console.event("api-gateway", "circuit breaker " + name + ": " + previous + " -> " + state,
                        "CLOSED".equals(state) ? Tone.GOOD : Tone.WARN);
            }
        });
        if (!breakers.isEmpty()) {
            lastBreakers = breakers;
        }
    }
}
