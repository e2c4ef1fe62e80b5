package dev.orderflow.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code ./stack} wrapper's own shell code: the part that picks a Java before any jar exists. */
class StackScriptTest {

    private static final Path SCRIPT = Path.of("../../stack").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "openjdk version \"21.0.5\" 2024-10-15                                         | 21",
            "openjdk version \"25\" 2025-09-16                                             | 25",
            "java version \"1.8.0_392\"                                                    | 8",
            "openjdk version \"26-ea\" 2026-03-17                                          | 26",
            // JAVA_TOOL_OPTIONS and JDK_JAVA_OPTIONS make the JVM speak first, even with a version in them
            "Picked up JAVA_TOOL_OPTIONS: -Dx=\"version \"\"9\"\"\"\\nopenjdk version \"17.0.9\" | 17",
            "NOTE: Picked up JDK_JAVA_OPTIONS: -Xmx1g\\nopenjdk version \"21.0.5\"         | 21"})
    void readsTheMajorVersionFromWhatJavaVersionPrints(String printed, String major) throws Exception {
        Path java = dir.resolve("java");
        Files.writeString(java, "#!/bin/sh\nprintf '%b\\n' '" + printed.strip().replace("'", "'\\''")
                + "' >&2\necho 'OpenJDK Runtime Environment' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(javaMajor(java.toString(), null)).isEqualTo(major);
    }

    @Test
    void readsTheVersionOfARealJavaWithJavaToolOptionsSet() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();

        assertThat(javaMajor(java, "-Dorderflow.test=1")).isEqualTo(String.valueOf(Runtime.version().feature()));
    }

    /** Runs the script's own {@code java_major} function (copied out of it, not rewritten here). */
    private static String javaMajor(String java, String javaToolOptions) throws IOException, InterruptedException {
        String function = Files.readAllLines(SCRIPT).stream().filter(line -> line.startsWith("java_major()"))
                .findFirst().orElseThrow(() -> new AssertionError("no java_major() in " + SCRIPT));
        ProcessBuilder bash = new ProcessBuilder(List.of("bash", "-c", function + "\njava_major \"$1\"", "bash", java));
        bash.environment().remove("JAVA_TOOL_OPTIONS");
        if (javaToolOptions != null) {
            bash.environment().put("JAVA_TOOL_OPTIONS", javaToolOptions);
        }
        Process process = bash.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor()).isZero();
        return output;
    }
}
