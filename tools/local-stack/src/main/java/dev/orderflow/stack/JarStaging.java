package dev.orderflow.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Runs every jar from a copy under {@code <data dir>/jars}: a {@code ./mvnw package} while the stack runs then
 * cannot pull a jar from under a running JVM, and the next start of that component picks the new build up.
 */
final class JarStaging {

    private JarStaging() {
    }

    static Path stage(Path jar, Path dataDir, String name) {
        Path staged = dataDir.resolve("jars").resolve(name + ".jar");
        try {
            if (sameFile(jar, staged)) {
                return staged;
            }
            Files.createDirectories(staged.getParent());
            Path temporary = staged.resolveSibling(name + ".jar.tmp");
            Files.copy(jar, temporary, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            // A new file, not an overwrite: a process still running the old copy keeps reading its own.
            Files.move(temporary, staged, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return staged;
        } catch (IOException e) {
            throw new StackException("could not copy " + jar + " to " + staged + ": " + e.getMessage(), e);
        }
    }

    private static boolean sameFile(Path jar, Path staged) throws IOException {
        return Files.exists(staged) && Files.size(jar) == Files.size(staged)
                && Files.getLastModifiedTime(jar).equals(Files.getLastModifiedTime(staged));
    }
}
