package dev.orderflow.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Keycloak's server distribution ({@code org.keycloak:keycloak-quarkus-dist}, a zip that Maven copies beside the
 * launcher's jar), unpacked once beside the zip. Every stack of this checkout runs the same unpacked copy: Keycloak
 * builds itself there at its first start (about 20 s) and later starts skip that step.
 */
final class KeycloakDistribution {

    private KeycloakDistribution() {
    }

    /** The distribution's directory (with {@code bin/kc.sh}), unpacked now if it is not yet. */
    static Path unpacked(Path zip) {
        Path directory = zip.resolveSibling(stem(zip));
        if (Files.isRegularFile(directory.resolve("bin").resolve("kc.sh"))) {
            return directory;
        }
        try (FileChannel channel = FileChannel.open(zip.resolveSibling(stem(zip) + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
            if (!Files.isRegularFile(directory.resolve("bin").resolve("kc.sh"))) {
                Path partial = zip.resolveSibling(stem(zip) + ".partial");
                PostgresBinaries.deleteRecursively(partial);
                unzip(zip, partial);
                Files.move(partial, directory, StandardCopyOption.ATOMIC_MOVE);
            }
            return directory;
        } catch (IOException e) {
            throw new StackException("could not unpack Keycloak from " + zip + ": " + e.getMessage(), e);
        }
    }

    /** Unpacks the zip's one top directory ({@code keycloak-26.x.y/}) as {@code target}. */
    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path file = target.resolve(name.substring(slash + 1)).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("refusing " + name + ": it points outside the distribution");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                    continue;
                }
                Files.createDirectories(file.getParent());
                try (InputStream in = archive.getInputStream(entry)) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
                if (name.endsWith(".sh")) {
                    file.toFile().setExecutable(true);
                }
            }
        }
    }

    private static String stem(Path zip) {
        String name = zip.getFileName().toString();
        return name.endsWith(".zip") ? name.substring(0, name.length() - ".zip".length()) : name;
    }
}
