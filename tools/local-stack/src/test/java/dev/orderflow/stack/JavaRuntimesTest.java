package dev.orderflow.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JavaRuntimesTest {

    @TempDir
    Path jdks;

    @Test
    void readsTheVersionFromTheJdksReleaseFile() throws IOException {
        assertThat(JavaRuntimes.majorVersion(jdk("temurin-21", "21.0.5"))).hasValue(21);
        assertThat(JavaRuntimes.majorVersion(jdk("old", "1.8.0_402"))).hasValue(8);
        assertThat(JavaRuntimes.majorVersion(jdks.resolve("nothing-here"))).isEmpty();
    }

    @Test
    void usesAnExplicitJdkOnlyIfItIsRecentEnough() throws IOException {
        Path jdk21 = jdk("jdk-21", "21.0.2");
        Path jdk17 = jdk("jdk-17", "17.0.9");

        assertThat(JavaRuntimes.findJava(Optional.of(jdk21), Map.of())).isEqualTo(JavaRuntimes.java(jdk21));
        assertThatThrownBy(() -> JavaRuntimes.findJava(Optional.of(jdk17), Map.of()))
                .hasMessageContaining("is not a JDK 21+ (" + jdk17 + " (Java 17))");
    }

    @Test
    void prefersJavaHomeWhenItIsRecentEnough() throws IOException {
        Path jdk22 = jdk("jdk-22", "22.0.1");

        assertThat(JavaRuntimes.findJava(Optional.empty(), Map.of("JAVA_HOME", jdk22.toString())))
                .isEqualTo(JavaRuntimes.java(jdk22));
    }

    @Test
    void trimsTheNativeHeapOnLinuxFromJdk21Update1On() throws IOException {
        assertThat(JavaRuntimes.trimsNativeHeap(jdk("jdk-21.0.1", "21.0.1"), "Linux")).isTrue();
        assertThat(JavaRuntimes.trimsNativeHeap(jdk("jdk-25", "25.0.3"), "Linux")).isTrue();
        assertThat(JavaRuntimes.trimsNativeHeap(jdk("jdk-21-ga", "21"), "Linux")).as("21 GA: no such switch").isFalse();
        assertThat(JavaRuntimes.trimsNativeHeap(jdk("jdk-25-mac", "25.0.3"), "Mac OS X")).isFalse();
        assertThat(JavaRuntimes.trimsNativeHeap(jdks.resolve("nothing-here"), "Linux")).isFalse();
    }

    private Path jdk(String name, String version) throws IOException {
        Path home = jdks.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Path java = Files.createFile(JavaRuntimes.java(home));
        java.toFile().setExecutable(true);
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }
}
