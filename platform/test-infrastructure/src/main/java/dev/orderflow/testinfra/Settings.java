package dev.orderflow.testinfra;

import java.util.Optional;

/** Reads a setting from a system property first, then from the environment. */
final class Settings {

    private Settings() {
    }

    static Optional<String> get(String name) {
        return Optional.ofNullable(System.getProperty(name))
                .or(() -> Optional.ofNullable(System.getenv(name)))
                .filter(value -> !value.isBlank());
    }

    static String require(String name) {
        return get(name).orElseThrow(() -> new IllegalStateException(
                name + " must be set when " + InfrastructureMode.SETTING + "=external"));
    }
}
