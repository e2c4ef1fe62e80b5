package dev.orderflow.deployment.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.orderflow.deployment.support.MavenModules;
import dev.orderflow.deployment.support.Repository;

/** The one Dockerfile every service image is built from (compose, CI and the delivery workflow use it). */
class DockerfileTest {

    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?");

    private final String dockerfile = Repository.read("Dockerfile");
    private final List<String> instructions = dockerfile.replace("\\\n", " ").lines()
            .filter(line -> !line.isBlank() && !line.stripLeading().startsWith("#")).toList();

    @Test
    void baseImagesArePinnedToAVersion() {
        Matcher from = FROM.matcher(dockerfile);
        int images = 0;
        while (from.find()) {
            String image = from.group(1);
            images++;
            assertThat(image).as("FROM %s", image).matches("[\\w./-]+:[\\w.-]*\\d[\\w.-]*(@sha256:[0-9a-f]{64})?")
                    .doesNotContain(":latest");
        }
        assertThat(images).as("a build stage and a runtime stage").isEqualTo(2);
    }

    @Test
    void runtimeIsAJre21AndTheBuildUsesTheMavenWrapper() {
        Matcher from = FROM.matcher(dockerfile);
        String build = from.find() ? from.group(1) : "";
        String runtime = from.find() ? from.group(1) : "";
        assertThat(build).contains(":21.").contains("-jdk");
        assertThat(runtime).contains(":21.").contains("-jre");
        assertThat(dockerfile).contains("./mvnw ").contains("--projects \"${SERVICE}\" --also-make package");
    }

    @Test
    void runsAsANonRootNumericUser() {
        String user = instructions.stream().filter(line -> line.startsWith("USER ")).reduce((a, b) -> b).orElse("");
        assertThat(user).as("the last USER").matches("USER [1-9]\\d*(:[1-9]\\d*)?");
    }

    @Test
    void runsTheLayeredJarOnAContainerAwareJvm() {
        assertThat(dockerfile).contains("-Djarmode=tools -jar /workspace/application.jar extract --layers --launcher");
        List<String> layers = instructions.stream().filter(line -> line.startsWith("COPY --from=build"))
                .map(line -> line.replaceAll(".*/extracted/([\\w-]+)/.*", "$1")).toList();
        assertThat(layers).as("least changing layer first")
                .containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
        assertThat(dockerfile).contains("ENTRYPOINT [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]")
                .containsPattern("JAVA_TOOL_OPTIONS=\"[^\"]*-XX:MaxRAMPercentage=\\d+")
                .contains("-XX:+ExitOnOutOfMemoryError")
                .containsPattern("JAVA_TOOL_OPTIONS=\"[^\"]*-XX:TrimNativeHeapInterval=\\d+")
                .containsPattern("JAVA_TOOL_OPTIONS=\"[^\"]*-XX:MetaspaceSize=\\d+m");
    }

    @Test
    void hasAHealthcheckAndOciLabels() {
        assertThat(instructions).anySatisfy(line -> assertThat(line).startsWith("HEALTHCHECK ").contains("CMD"));
        for (String label : List.of("title", "description", "version", "revision", "created", "source", "licenses")) {
            assertThat(dockerfile).contains("org.opencontainers.image." + label + "=");
        }
    }

    @Test
    void theBuildContextKeepsEveryModulesPom() {
        List<String> ignored = Repository.read(".dockerignore").lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        for (String service : MavenModules.springBootApplications()) {
            Path module = Repository.root().relativize(MavenModules.directory(service));
            assertThat(ignored).as("the build context keeps %s", module).doesNotContain(module.toString());
        }
        assertThat(ignored).contains("**/target", ".git").doesNotContain("pom.xml", "mvnw", ".mvn");
    }
}
