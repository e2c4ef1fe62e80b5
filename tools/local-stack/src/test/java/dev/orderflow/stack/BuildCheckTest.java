package dev.orderflow.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

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
}
