package dev.orderflow.testinfra;

import java.util.Locale;

import org.testcontainers.DockerClientFactory;

/**
 * Where the tests find PostgreSQL and Kafka, chosen by {@code ORDERFLOW_TEST_INFRA} (environment variable or
 * system property): {@code containers}, {@code embedded}, {@code external} or {@code auto} (the default:
 * Testcontainers when a Docker engine answers, embedded servers otherwise). All of them are real servers.
 */
enum InfrastructureMode {
    CONTAINERS, EMBEDDED, EXTERNAL;

    static final String SETTING = "ORDERFLOW_TEST_INFRA";

    static InfrastructureMode current() {
        String chosen = Settings.get(SETTING).orElse("auto").toLowerCase(Locale.ROOT);
        return switch (chosen) {
            case "containers" -> CONTAINERS;
            case "embedded" -> EMBEDDED;
            case "external" -> EXTERNAL;
            case "auto" -> DockerClientFactory.instance().isDockerAvailable() ? CONTAINERS : EMBEDDED;
            default -> throw new IllegalStateException(
                    SETTING + "=" + chosen + " is not one of auto, containers, embedded, external");
        };
    }
}
