package dev.orderflow.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes a service start several times faster from the second start of a build on: the jar is extracted (a cache
 * cannot cover classes nested in a fat jar) and one training start records what the service loads, stopping right
 * after its context is refreshed ({@code spring.context.exit=onRefresh}, so it needs PostgreSQL and Kafka as a
 * real start does). JDK 25+ keeps an AOT cache (classes loaded and linked, method profiles: JEP 483, 514, 515);
 * JDK 21 to 24 a dynamic class-data-sharing archive. Everything lives in {@code <cache dir>/<service>} (by default
 * {@code <data dir>/startup-cache}), made again when the jar, the JDK or the JVM's options change. A failed
 * training only costs the speed: the service then runs from its jar as it is.
 */
final class StartupCache {

    private static final int AOT_CACHE_JDK = 25;
    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(3);

    private final Component service;
    private final Path dir;
    private final Path java;
    private final int jdk;
    private final Console console;

    StartupCache(Path cacheDir, Component service, Path java, Console console) {
        this.service = service;
        this.dir = cacheDir.resolve(service.id());
        this.java = java;
        this.jdk = JavaRuntimes.majorVersion(JavaRuntimes.home(java)).orElse(JavaRuntimes.REQUIRED_VERSION);
        this.console = console;
    }

    /** The arguments after the JVM options that run the jar: with a trained cache when one is or can be made. */
    List<String> launch(Path jar, List<String> jvmOptions, Map<String, String> environment, Path log) {
        Path extracted = dir.resolve("app").resolve(jar.getFileName());
        Path cache = dir.resolve(jdk >= AOT_CACHE_JDK ? "app.aot" : "app.jsa");
        Path stamp = dir.resolve("made-from");
        String source = madeFrom(jar, jvmOptions, environment);
        if (!source.equals(read(stamp)) || !Files.exists(cache)) {
            long start = System.nanoTime();
            console.event(service.id(), "training its startup cache (once per build, JDK and JVM options)", Console.Tone.DIM);
            if (!extract(jar, log) || !train(extracted, cache, jvmOptions, environment, log)) {
                console.event(service.id(), "startup cache not made (see its log): starting from the jar as it is",
                        Console.Tone.WARN);
                return List.of("-jar", jar.toString());
            }
            write(stamp, source);
            console.event(service.id(), "startup cache made in " + Durations.format(Durations.since(start)),
                    Console.Tone.DIM);
        }
        return List.of(jdk >= AOT_CACHE_JDK ? "-XX:AOTCache=" + cache : "-XX:SharedArchiveFile=" + cache,
                "-jar", extracted.toString());
    }

    /**
     * What the cache is made from: the JDK, the jar, and the JVM's settings, which the cache must match (a cache
     * trained with other settings, say another GC, is refused by the JVM, and the service starts without it).
     */
    String madeFrom(Path jar, List<String> jvmOptions, Map<String, String> environment) {
        return "jdk " + jdk + " " + java + ", jar " + size(jar) + " bytes, modified " + modified(jar) + ", options "
                + jvmOptions + ", JAVA_TOOL_OPTIONS " + environment.getOrDefault("JAVA_TOOL_OPTIONS", "");
    }

    private boolean extract(Path jar, Path log) {
        try {
            PostgresBinaries.deleteRecursively(dir);
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StackException("could not prepare " + dir + ": " + e.getMessage(), e);
        }
        return Processes.run(List.of(java.toString(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
                "--destination", dir.resolve("app").toString()), Map.of(), log, TRAINING_TIMEOUT) == 0;
    }

    private boolean train(Path extracted, Path cache, List<String> jvmOptions, Map<String, String> environment, Path log) {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvmOptions);
        // Quiet about the few classes it cannot archive (one warning each); a real failure still shows as an error.
        command.addAll(jdk >= AOT_CACHE_JDK ? List.of("-XX:AOTCacheOutput=" + cache, "-Xlog:aot=error")
                : List.of("-XX:ArchiveClassesAtExit=" + cache, "-Xlog:cds=error"));
        command.addAll(List.of("-Dspring.context.exit=onRefresh", "-jar", extracted.toString()));
        return Processes.run(command, environment, log, TRAINING_TIMEOUT) == 0 && Files.exists(cache);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toString();
        } catch (IOException e) {
            return "?";
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new StackException("could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
