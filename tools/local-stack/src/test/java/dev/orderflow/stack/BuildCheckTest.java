package dev.orderflow.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class BuildCheckTest {

    private static final Instant BUILT = Instant.parse("2025-06-01T10:00:00Z");

    @TempDir
    Path project;

    private BuildCheck check;

    @BeforeEach
    void aCheckoutWithEverythingBuilt() throws IOException {
        for (String module : List.of("order-service", "delivery-service", "api-gateway", "common-events", "platform/messaging")) {
            touch(project.resolve(module).resolve("pom.xml"), BUILT.minusSeconds(60));
            touch(project.resolve(module).resolve("src/main/java/Some.java"), BUILT.minusSeconds(60));
        }
        touch(project.resolve("pom.xml"), BUILT.minusSeconds(60));
        for (Component service : Component.services()) {
            touch(project.resolve(service.id()).resolve("target").resolve(service.id() + "-0.1.0-SNAPSHOT.jar"), BUILT);
        }
        check = new BuildCheck(project, project.resolve("build.log"),
                Console.plain(new PrintStream(new ByteArrayOutputStream())));
    }

    @Test
    void nothingIsStaleRightAfterABuild() {
        assertThat(check.stale(Component.services())).isEmpty();
    }

    @Test
    void aChangedSourceMakesItsServiceStale() throws IOException {
        touch(project.resolve("api-gateway/src/main/java/Some.java"), BUILT.plusSeconds(5));

        assertThat(check.stale(Component.services())).containsOnlyKeys(Component.API_GATEWAY)
                .containsValue("api-gateway/src/main/java/Some.java changed");
    }

    @Test
    void aChangedSharedModuleMakesBothServicesThatContainItStale() throws IOException {
        touch(project.resolve("common-events/src/main/java/Some.java"), BUILT.plusSeconds(5));

        assertThat(check.stale(Component.services()))
                .containsOnlyKeys(Component.ORDER_SERVICE, Component.DELIVERY_SERVICE);
    }

    @Test
    void aChangedTestDoesNotRequireANewJar() throws IOException {
        touch(project.resolve("order-service/src/test/java/SomeTest.java"), BUILT.plusSeconds(5));

        assertThat(check.stale(Component.services())).isEmpty();
    }

    @Test
    void aMissingJarIsBuilt() throws IOException {
        Files.delete(project.resolve("delivery-service/target/delivery-service-0.1.0-SNAPSHOT.jar"));

        assertThat(check.stale(Component.services())).containsEntry(Component.DELIVERY_SERVICE, "no jar yet");
    }

    @Test
    void onlySpringBootsExecutableJarCounts() throws IOException {
        Files.delete(project.resolve("order-service/target/order-service-0.1.0-SNAPSHOT.jar"));
        touch(project.resolve("order-service/target/order-service-0.1.0-SNAPSHOT-plain.jar"), BUILT);
        touch(project.resolve("order-service/target/order-service-0.1.0-SNAPSHOT.jar.original"), BUILT);

        assertThat(Artifacts.newestJar(project.resolve("order-service/target"), "order-service")).isEmpty();
    }

    private static void touch(Path file, Instant at) throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        Files.setLastModifiedTime(file, FileTime.from(at));
    }

    /** A module a service jar contains but the check does not watch would leave {@code ./stack up} on a stale jar. */
    @Test
    void watchesEveryRepositoryModuleEachServiceJarContains() throws IOException {
        Path checkout = Path.of("../..").toAbsolutePath().normalize();
        Map<String, String> moduleOfArtifact = new HashMap<>();
        for (String module : matches(Files.readString(checkout.resolve("pom.xml")), "<module>([^<]+)</module>")) {
            String pom = Files.readString(checkout.resolve(module).resolve("pom.xml")).replaceAll("(?s)<parent>.*?</parent>", "");
            moduleOfArtifact.put(matches(pom, "<artifactId>([^<]+)</artifactId>").get(0), module);
        }
        for (Component service : Component.services()) {
            Set<String> contained = new TreeSet<>();
            Deque<String> toRead = new ArrayDeque<>(List.of(service.id()));
            while (!toRead.isEmpty()) {
                String module = toRead.pop();
                if (contained.add(module)) {
                    runtimeDependencies(checkout.resolve(module).resolve("pom.xml")).stream()
                            .map(moduleOfArtifact::get).forEach(toRead::push);
                }
            }

            assertThat(BuildCheck.SOURCES.get(service)).as(service.id()).containsExactlyInAnyOrderElementsOf(contained);
        }
    }

    /** The artifact ids of the {@code dev.orderflow} dependencies that are not test-scoped. */
    private static List<String> runtimeDependencies(Path pom) throws IOException {
        return matches(Files.readString(pom), "(?s)<dependency>(.*?)</dependency>").stream()
                .filter(dependency -> dependency.contains("<groupId>dev.orderflow</groupId>")
                        && !dependency.contains("<scope>test</scope>"))
                .map(dependency -> matches(dependency, "<artifactId>([^<]+)</artifactId>").get(0))
                .toList();
    }

    private static List<String> matches(String text, String regex) {
        return Pattern.compile(regex).matcher(text).results().map(match -> match.group(1)).toList();
    }
}
