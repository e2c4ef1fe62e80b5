package dev.orderflow.deployment.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.orderflow.deployment.support.Repository;

/**
 * Overlays rendered by the real kustomize inside {@code kubectl}, when kubectl is on the PATH (it is on GitHub's
 * runners; the tests that need it are skipped elsewhere). Renders a copy of k8s/ in which every
 * {@code secrets/*.env.example} stands in for the credentials file that is never committed.
 */
final class KustomizeRendering {

    private static final Path COPY = copyOfK8s();

    private KustomizeRendering() {
    }

    static boolean kubectlAvailable() {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "kubectl")));
    }

    /** The rendered YAML of an overlay, e.g. "overlays/prod". */
    static String render(String overlay) {
        return run(COPY.resolve(overlay));
    }

    /** Renders an overlay with a commented-out component switched on (in a copy of the copy). */
    static String renderWithComponent(String overlay, String component) {
        Path copy = copy(COPY, "orderflow-k8s-variant-");
        Path kustomization = copy.resolve(overlay).resolve("kustomization.yaml");
        String text = Repository.read(kustomization);
        String commented = "  # - ../../components/" + component;
        if (!text.contains(commented)) {
            throw new IllegalStateException(overlay + " does not offer the component " + component);
        }
        write(kustomization, text.replace(commented, "  - ../../components/" + component));
        return run(copy.resolve(overlay));
    }

    private static String run(Path directory) {
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", directory.toString())
                    .redirectErrorStream(false).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + directory + " failed:\n" + errors);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path copyOfK8s() {
        Path copy = copy(Repository.file("k8s"), "orderflow-k8s-");
        try (Stream<Path> files = Files.walk(copy)) {
            for (Path example : files.filter(file -> file.toString().endsWith(".env.example")).toList()) {
                String name = example.getFileName().toString();
                Files.copy(example, example.resolveSibling(name.substring(0, name.length() - ".example".length())),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }

    private static Path copy(Path source, String prefix) {
        try {
            Path target = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(target)));
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path destination = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(destination);
                    } else {
                        Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> overlays() {
        try (Stream<Path> dirs = Files.list(Repository.file("k8s/overlays"))) {
            return dirs.filter(Files::isDirectory).map(dir -> "overlays/" + dir.getFileName()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
