package dev.orderflow.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the executable jars come from: the modules' {@code target/} directories of a checkout (built when stale,
 * see {@link BuildCheck}), or one directory of prebuilt jars ({@code order-service.jar}, ...,
 * {@code local-stack-exec.jar}), as the system tests use.
 */
public final class Artifacts {

    static final String LAUNCHER_JAR = "local-stack-exec.jar";

    private final Optional<Path> projectDir;
    private final Optional<Path> jarDirectory;

    private Artifacts(Optional<Path> projectDir, Optional<Path> jarDirectory) {
        this.projectDir = projectDir;
        this.jarDirectory = jarDirectory;
    }

    public static Artifacts ofProject(Path projectDir) {
        return new Artifacts(Optional.of(projectDir), Optional.empty());
    }

    public static Artifacts inDirectory(Path directory) {
        return new Artifacts(Optional.empty(), Optional.of(directory));
    }

    /** The checkout whose modules can be rebuilt; empty for prebuilt jars. */
    Optional<Path> projectDir() {
        return projectDir;
    }

    Path jar(Component service) {
        if (jarDirectory.isPresent()) {
            return existing(jarDirectory.get().resolve(service.id() + ".jar"));
        }
        Path target = projectDir.orElseThrow().resolve(service.id()).resolve("target");
        return newestJar(target, service.id()).orElseThrow(() -> new StackException(service + " has no jar in " + target
                + "; build it with ./mvnw -DskipTests package -pl " + service.id() + " -am"));
    }

    /** The launcher's own executable jar, which also carries the Kafka broker. */
    public Path launcherJar() {
        if (jarDirectory.isPresent()) {
            return existing(jarDirectory.get().resolve(LAUNCHER_JAR));
        }
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            return Path.of(classPath).toAbsolutePath();
        }
        return existing(projectDir.orElseThrow().resolve("tools/local-stack/target").resolve(LAUNCHER_JAR));
    }

    /**
     * Keycloak's server distribution, {@code keycloak-<version>.zip}: where Maven copies it when it builds the
     * launcher ({@code tools/local-stack/target/keycloak}), or beside the prebuilt jars.
     */
    Path keycloakDistribution() {
        Path directory = jarDirectory.orElseGet(() -> projectDir.orElseThrow().resolve("tools/local-stack/target/keycloak"));
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().matches("keycloak-[0-9.]+\\.zip"))
                    .max(Comparator.comparing(Artifacts::modified))
                    .orElseThrow(() -> missingKeycloak(directory));
        } catch (IOException e) {
            throw missingKeycloak(directory);
        }
    }

    private static StackException missingKeycloak(Path directory) {
        return new StackException("Keycloak's distribution (keycloak-<version>.zip) is not in " + directory
                + "; ./mvnw -DskipTests package -pl tools/local-stack -am copies it there");
    }

    /** {@code <module>-<version>.jar}: Spring Boot's executable jar, not the {@code .original} or other classifiers. */
    static Optional<Path> newestJar(Path target, String module) {
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> isExecutableJarName(file.getFileName().toString(), module))
                    .max(Comparator.comparing(Artifacts::modified));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isExecutableJarName(String name, String module) {
        if (!name.startsWith(module + "-") || !name.endsWith(".jar")) {
            return false;
        }
        String version = name.substring(module.length() + 1, name.length() - ".jar".length());
        return Character.isDigit(version.charAt(0)) && !version.matches(".*-(plain|sources|javadoc|tests|test-sources)$");
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    private static Path existing(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new StackException(jar + " does not exist");
        }
        return jar;
    }
}
