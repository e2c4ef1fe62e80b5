package dev.orderflow.stack;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code ./stack} wrapper's tool commands ({@code bench}, {@code chaos}, {@code audit}) in a project of
 * stand-ins: the real script, a {@code mvnw} and a {@code java} that write down how they were called. A tool is
 * rebuilt when its jar is older than anything it runs (the service jars included), and two heavy tools never run at
 * once.
 */
class StackToolCommandsTest {

    private static final Path SCRIPT = Path.of("../../stack").toAbsolutePath().normalize();
    private static final String BENCH_JAR = "tools/benchmarks/target/benchmarks-exec.jar";
    private static final String CHAOS_JAR = "tools/chaos/target/chaos-experiments-exec.jar";
    private static final String AUDIT_JAR = "tools/audit/target/audit-0.1.0-SNAPSHOT-exec.jar";
    private static final List<String> SOURCES = List.of("pom.xml", "tools/benchmarks/src/main/java/Bench.java",
            "tools/chaos/src/main/java/Chaos.java", "tools/audit/src/main/java/Audit.java",
            "tools/local-stack/src/main/java/Stack.java", "platform/messaging/src/main/java/Relay.java",
            "common-events/pom.xml", "order-service/src/main/java/Orders.java",
            "delivery-service/src/main/resources/application.yml", "api-gateway/src/main/java/Gateway.java");
    private static final Instant LONG_AGO = Instant.now().minus(Duration.ofHours(2));
    private static final Instant BUILT = Instant.now().minus(Duration.ofHours(1));

    @TempDir
    Path root;

    @BeforeEach
    void aProjectOfStandIns() throws IOException {
        Files.copy(SCRIPT, root.resolve("stack"), StandardCopyOption.COPY_ATTRIBUTES);
        // mvnw builds the jars (unless told to fail or to find them up to date) and writes down its arguments
        executable("mvnw", """
                cd '%s' || exit 1
                echo "$*" >> mvnw.calls
                [ -e fail-build ] && { echo "[ERROR] compilation failure"; exit 1; }
                [ -e up-to-date ] || touch %s %s %s
                exit 0""".formatted(root, BENCH_JAR, CHAOS_JAR, AUDIT_JAR));
        // java says it is a 21 and writes down, once it ends, when it ran and with what
        executable("jdk/bin/java", """
                [ "$1" = -version ] && { echo 'openjdk version "21.0.5" 2024-10-15' >&2; exit 0; }
                started=$(date +%%s%%N)
                sleep "${JAVA_SECONDS:-0}"
                echo "$started $(date +%%s%%N) $*" >> '%s/java.calls'""".formatted(root));
        for (String source : SOURCES) {
            write(source, LONG_AGO);
        }
        for (String jar : List.of(BENCH_JAR, CHAOS_JAR, AUDIT_JAR)) {
            write(jar, BUILT);
        }
        Files.createDirectories(root.resolve("order-service/target/classes"));
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path directory : tree.filter(Files::isDirectory).filter(path -> !path.equals(root)).toList()) {
                Files.setLastModifiedTime(directory, FileTime.from(LONG_AGO));
            }
        }
    }

    @Test
    void aToolWithoutItsJarIsBuiltWithWhatItIsBuiltFromThenRunOnTheProject() throws Exception {
        Files.delete(root.resolve(BENCH_JAR));

        Result bench = stack("bench", "--quick");

        assertThat(bench.exit()).isZero();
        assertThat(lines("mvnw.calls")).containsExactly("-q -B -DskipTests install -pl tools/benchmarks -am");
        assertThat(started()).containsExactly(
                "-jar " + root.resolve(BENCH_JAR) + " --project " + root + " --quick");
    }

    @ParameterizedTest(name = "{0} after a change to {1}: builds [{2}]")
    @CsvSource(delimiter = '|', value = {
            "bench | (nothing)                                           | ",
            "bench | tools/benchmarks/src/main/java/Bench.java           | tools/benchmarks",
            "bench | order-service/src/main/java/Orders.java             | tools/benchmarks",
            "bench | delivery-service/src/main/resources/application.yml | tools/benchmarks",
            "bench | api-gateway/src/main/java/Gateway.java              | tools/benchmarks",
            "bench | deleted api-gateway/src/main/java/Gateway.java      | tools/benchmarks",
            "bench | api-gateway/src/main/java/NewFilter.java            | tools/benchmarks",
            "bench | platform/messaging/src/main/java/Relay.java         | tools/benchmarks",
            "bench | tools/local-stack/src/main/java/Stack.java          | tools/benchmarks",
            "bench | pom.xml                                             | tools/benchmarks",
            "bench | tools/benchmarks/target/bench/results.json          | ",
            "bench | order-service/target/classes/Orders.class           | ",
            "chaos | tools/chaos/src/main/java/Chaos.java                | tools/chaos,order-service,delivery-service,api-gateway",
            "chaos | delivery-service/src/main/resources/application.yml | tools/chaos,order-service,delivery-service,api-gateway",
            "chaos | tools/benchmarks/src/main/java/Bench.java           | ",
            "audit | tools/audit/src/main/java/Audit.java                | tools/audit",
            "audit | order-service/src/main/java/Orders.java             | "})
    void aToolIsRebuiltWhenAnythingItRunsChangedSinceItsJar(String tool, String changed, String built)
            throws Exception {
        if (changed.startsWith("deleted ")) {
            Files.delete(root.resolve(changed.substring("deleted ".length())));
        } else if (!changed.equals("(nothing)")) {
            write(changed, Instant.now());
        }

        assertThat(stack(tool).exit()).isZero();

        assertThat(lines("mvnw.calls")).containsExactlyElementsOf(
                built == null ? List.of() : List.of("-q -B -DskipTests install -pl " + built + " -am"));
        assertThat(started()).hasSize(1);
    }

    @Test
    void aJarMavenFoundUpToDateCountsAsCurrentOnceTheBuildSucceeded() throws Exception {
        write("pom.xml", Instant.now()); // a comment, say: Maven rebuilds nothing, the jar keeps its old time
        Files.createFile(root.resolve("up-to-date"));

        stack("bench");
        stack("bench");

        assertThat(lines("mvnw.calls")).hasSize(1);
        assertThat(started()).hasSize(2);
    }

    @Test
    void aFailedBuildEndsWithAnErrorAndRunsNothing() throws Exception {
        write("order-service/src/main/java/Orders.java", Instant.now());
        Files.createFile(root.resolve("fail-build"));

        Result bench = stack("bench");

        assertThat(bench.exit()).isEqualTo(1);
        assertThat(bench.output()).contains("[ERROR] compilation failure", "error: building tools/benchmarks failed");
        assertThat(root.resolve("java.calls")).doesNotExist();
    }

    @Test
    void benchAndChaosWaitForEachOtherWhileAuditDoesNot() throws Exception {
        List<Process> runs = new ArrayList<>();
        for (String tool : List.of("bench", "chaos", "bench", "audit")) {
            runs.add(start(List.of("./stack", tool), "1", System.getenv("PATH")));
        }
        for (Process run : runs) {
            assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(run.exitValue()).isZero();
        }

        List<Run> heavy = runs().stream().filter(Run::heavy).sorted(Comparator.comparingLong(Run::start)).toList();
        assertThat(heavy).hasSize(3);
        for (int i = 1; i < heavy.size(); i++) {
            assertThat(heavy.get(i).start()).as("heavy run %d starts after the one before ended", i)
                    .isGreaterThanOrEqualTo(heavy.get(i - 1).end());
        }
        Run audit = runs().stream().filter(run -> !run.heavy()).findFirst().orElseThrow();
        assertThat(audit.start()).as("audit runs beside a heavy run").isLessThan(heavy.get(heavy.size() - 1).start());
    }

    @Test
    void withoutFlockHeavyToolsStillRun() throws Exception {
        // a PATH with what the script needs, but no flock (macOS has none)
        Path bin = Files.createDirectories(root.resolve("bin-without-flock"));
        for (String command : List.of("bash", "dirname", "sed", "find", "touch", "date", "sleep")) {
            Path real = Files.exists(Path.of("/usr/bin", command)) ? Path.of("/usr/bin", command) : Path.of("/bin", command);
            executable(root.relativize(bin.resolve(command)).toString(), "exec " + real + " \"$@\"");
        }

        Process bench = start(List.of("bash", "./stack", "bench"), "0", bin.toString());

        assertThat(bench.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(bench.getInputStream().readAllBytes(), UTF_8)).doesNotContain("flock");
        assertThat(bench.exitValue()).isZero();
        assertThat(started()).hasSize(1);
    }

    private record Result(int exit, String output) {
    }

    private Result stack(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("./stack"));
        command.addAll(List.of(arguments));
        Process process = start(command, "0", System.getenv("PATH"));
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private Process start(List<String> command, String javaSeconds, String path) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().put("JAVA_HOME", root.resolve("jdk").toString());
        builder.environment().put("ORDERFLOW_HEAVY_LOCK", root.resolve("heavy.lock").toString());
        builder.environment().put("JAVA_SECONDS", javaSeconds);
        builder.environment().put("PATH", path);
        return builder.start();
    }

    /** What each java run was given. */
    private List<String> started() throws IOException {
        return runs().stream().map(Run::arguments).toList();
    }

    private record Run(long start, long end, String arguments) {

        boolean heavy() {
            return !arguments.contains(AUDIT_JAR);
        }
    }

    private List<Run> runs() throws IOException {
        return lines("java.calls").stream().map(line -> line.split(" ", 3))
                .map(run -> new Run(Long.parseLong(run[0]), Long.parseLong(run[1]), run[2])).toList();
    }

    private List<String> lines(String file) throws IOException {
        Path path = root.resolve(file);
        return Files.exists(path) ? Files.readAllLines(path) : List.of();
    }

    private void write(String file, Instant modified) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, file);
        Files.setLastModifiedTime(path, FileTime.from(modified));
    }

    private void executable(String file, String body) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
