package dev.orderflow.deployment.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The clone under test: found by walking up from the module's directory to the root with the Maven wrapper. */
public final class Repository {

    private static final Path ROOT = findRoot();

    private Repository() {
    }

    public static Path root() {
        return ROOT;
    }

    public static Path file(String relative) {
        return ROOT.resolve(relative);
    }

    public static String read(String relative) {
        return read(file(relative));
    }

    public static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("tools/deployment-tests"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside the orderflow clone: " + Path.of("").toAbsolutePath());
    }
}
