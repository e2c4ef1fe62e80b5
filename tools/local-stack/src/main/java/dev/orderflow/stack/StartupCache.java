package dev.orderflow.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes a service start several times faster from the second start of a build on, and reach its full speed
 * sooner: the jar is extracted (a cache cannot cover classes nested in a fat jar) and a training run records what
 * the service loads and how its code runs while it serves a saga workload ({@link StartupCacheTraining}). JDK 25+
 * keeps an AOT cache (classes loaded and linked, method profiles: JEP 483, 514, 515), JDK 21 to 24 a dynamic
 * class-data-sharing archive; either is written when the trained JVM exits. Everything lives in
 * {@code <cache dir>/<service>} (by default {@code <data dir>/startup-cache}), made again when the jar, the JDK or
 * the JVM's options change. A failed training only costs the speed: the service then runs from its jar as it is.
 */
final class StartupCache {

    private static final int AOT_CACHE_JDK = 25;
    private static final Duration EXTRACTION_TIMEOUT = Duration.ofMinutes(3);

    private final Component service;
    private final Path dir;
    private final Path java;
    private final int jdk;
    private final Console console;
    private final Duration workload;
    private final boolean recording;

    /**
     * A cache trained on this long a workload; with {@code recording}, the service is launched to train it instead
     * of running from it.
     */
    StartupCache(Path cacheDir, Component service, Path java, Console console, Duration workload, boolean recording) {
        this.service = service;
        this.dir = cacheDir.resolve(service.id());
        this.java = java;
        this.jdk = JavaRuntimes.majorVersion(JavaRuntimes.home(java)).orElse(JavaRuntimes.REQUIRED_VERSION);
        this.console = console;
        this.workload = workload;
        this.recording = recording;
    }

    /** The arguments after the JVM options that run the jar: from the cache when it is fresh, else the jar. */
    List<String> launch(Path jar, List<String> jvmOptions, Map<String, String> environment, Path log) {
        if (recording) {
            return recordingLaunch(jar, log);
        }
        if (!isFresh(jar, jvmOptions, environment)) {
            console.event(service.id(), "no startup cache made from this build and these settings (its training"
                    + " failed or was stopped): starting from the jar", Console.Tone.WARN);
            return List.of("-jar", jar.toString());
        }
        return List.of(jdk >= AOT_CACHE_JDK ? "-XX:AOTCache=" + cache() : "-XX:SharedArchiveFile=" + cache(),
                "-jar", extracted(jar).toString());
    }

    boolean isFresh(Path jar, List<String> jvmOptions, Map<String, String> environment) {
        return madeFrom(jar, jvmOptions, environment).equals(read(stamp())) && Files.exists(cache());
    }

    /**
     * After the training run has exited: marks the cache as made from this build and these settings, and keeps
     * what it was trained on beside it. False when the JVM wrote no cache.
     */
    boolean trained(Path jar, List<String> jvmOptions, Map<String, String> environment, String trainedOn) {
        if (!Files.exists(cache())) {
            return false;
        }
        write(dir.resolve("trained-on"), trainedOn);
        write(stamp(), madeFrom(jar, jvmOptions, environment));
        return true;
    }

    /**
     * What the cache is made from: the JDK, the jar, and the JVM's settings, which the cache must match (a cache
     * trained with other settings, say another GC, is refused by the JVM, and the service starts without it), and
     * the training's workload.
     */
    String madeFrom(Path jar, List<String> jvmOptions, Map<String, String> environment) {
        return "jdk " + jdk + " " + java + ", jar " + size(jar) + " bytes, modified " + modified(jar) + ", options "
                + jvmOptions + ", JAVA_TOOL_OPTIONS " + environment.getOrDefault("JAVA_TOOL_OPTIONS", "")
                + ", sagas for " + workload.toSeconds() + " s";
    }

    /** The jar extracted afresh, run so that the JVM writes the cache when it exits. */
    private List<String> recordingLaunch(Path jar, Path log) {
        try {
            PostgresBinaries.deleteRecursively(dir);
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StackException("could not prepare " + dir + ": " + e.getMessage(), e);
        }
        int exit = Processes.run(List.of(java.toString(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
                "--destination", dir.resolve("app").toString()), Map.of(), log, EXTRACTION_TIMEOUT);
        if (exit != 0) {
            throw new StackException("extracting " + jar + " failed (exit code " + exit + "); see " + log);
        }
        // Quiet about the few classes it cannot archive (one warning each); a real failure still shows as an error.
        // JDK 25 also stores the i2c/c2i adapters the JVM generated, and after a workload some of them no longer
        // link when a service starts (one "Failed to link AdapterHandlerEntry" warning each): they are left out.
        List<String> arguments = new ArrayList<>(jdk >= AOT_CACHE_JDK
                ? List.of("-XX:AOTCacheOutput=" + cache(), "-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTAdapterCaching",
                        "-Xlog:aot=error")
                : List.of("-XX:ArchiveClassesAtExit=" + cache(), "-Xlog:cds=error"));
        arguments.addAll(List.of("-jar", extracted(jar).toString()));
        return arguments;
    }

    private Path cache() {
        return dir.resolve(jdk >= AOT_CACHE_JDK ? "app.aot" : "app.jsa");
    }

    private Path stamp() {
        return dir.resolve("made-from");
    }

    private Path extracted(Path jar) {
        return dir.resolve("app").resolve(jar.getFileName());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** To the second: copies of the jar made by other tools (Maven's, for the tests) keep no finer time. */
    private static String modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
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
