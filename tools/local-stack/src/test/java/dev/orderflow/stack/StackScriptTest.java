package dev.orderflow.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code ./stack} wrapper's own shell code: the part that picks a Java before any jar exists. */
class StackScriptTest {

    private static final Path SCRIPT = Path.of("../../stack").toAbsolutePath().normalize();
    private static final String JAVA = ProcessHandle.current().info().command().orElseThrow();

    @Test
    void readsTheJavaVersionEvenWhenJavaToolOptionsMakeTheJvmTalkFirst() throws Exception {
        // With JAVA_TOOL_OPTIONS set, "java -version" starts with "Picked up JAVA_TOOL_OPTIONS: ...".
        assertThat(javaMajor("-Dorderflow.test=1")).isEqualTo(String.valueOf(Runtime.version().feature()));
    }

    @Test
    void readsTheJavaVersionWithoutJavaToolOptions() throws Exception {
        assertThat(javaMajor(null)).isEqualTo(String.valueOf(Runtime.version().feature()));
    }

    /** Runs the script's own {@code java_major} function (copied out of it, not rewritten here). */
    private static String javaMajor(String javaToolOptions) throws IOException, InterruptedException {
        String function = Files.readAllLines(SCRIPT).stream().filter(line -> line.startsWith("java_major()"))
                .findFirst().orElseThrow(() -> new AssertionError("no java_major() in " + SCRIPT));
        ProcessBuilder bash = new ProcessBuilder(List.of("bash", "-c", function + "\njava_major \"$1\"", "bash", JAVA));
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
