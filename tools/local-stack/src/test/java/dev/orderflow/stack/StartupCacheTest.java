package dev.orderflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a service's startup cache is made again: the JVM refuses a cache trained with other settings. */
class StartupCacheTest {

    private static final List<String> OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC");

    @TempDir
    Path dir;

    @Test
    void theCacheFollowsTheJvmOptionsJavaToolOptionsAndTrainingButNotTheRestOfTheEnvironment() throws IOException {
        Path jar = Files.writeString(dir.resolve("order-service.jar"), "jar");
        StartupCache cache = cacheTrainedFor(Duration.ofSeconds(60));
        String trained = cache.madeFrom(jar, OPTIONS, Map.of("SERVER_PORT", "8081"));

        assertThat(cacheTrainedFor(Duration.ofSeconds(10)).madeFrom(jar, OPTIONS, Map.of("SERVER_PORT", "8081")))
                .as("a cache trained on a shorter workload").isNotEqualTo(trained);

        assertThat(cache.madeFrom(jar, OPTIONS, Map.of("SERVER_PORT", "9081"))).isEqualTo(trained);
        assertThat(cache.madeFrom(jar, List.of("-Xmx256m", "-XX:+UseParallelGC"), Map.of())).isNotEqualTo(trained);
        assertThat(cache.madeFrom(jar, OPTIONS, Map.of("JAVA_TOOL_OPTIONS", "-XX:+UseCompactObjectHeaders")))
                .isNotEqualTo(trained);
        Files.writeString(jar, "another build");
        assertThat(cache.madeFrom(jar, OPTIONS, Map.of())).isNotEqualTo(trained);
    }

    private StartupCache cacheTrainedFor(Duration workload) {
        return new StartupCache(dir.resolve("cache"), Component.ORDER_SERVICE,
                Path.of(ProcessHandle.current().info().command().orElseThrow()),
                Console.plain(new PrintStream(new ByteArrayOutputStream())), workload, false);
    }
}
