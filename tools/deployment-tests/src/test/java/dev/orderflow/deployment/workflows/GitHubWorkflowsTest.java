package dev.orderflow.deployment.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.orderflow.deployment.support.Maps;
import dev.orderflow.deployment.support.Repository;
import dev.orderflow.deployment.support.YamlDocuments;

/** .github/: the workflows hold together (actionlint checks them further in CI) and run what the README says. */
class GitHubWorkflowsTest {

    /** In the README's first screen, the command whose comment says it runs the tests. */
    private static final Pattern README_COMMAND = Pattern.compile("^(\\./\\S[^#\\n]*?)\\s*#[^\\n]*\\btests?\\b",
            Pattern.MULTILINE);
    private static final Pattern SCRIPT = Pattern.compile("(deploy/[\\w.-]+\\.sh)");

    static Stream<Path> workflows() {
        try (Stream<Path> files = Files.list(Repository.file(".github/workflows"))) {
            return files.filter(file -> file.toString().endsWith(".yml")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void isAWorkflowWithTriggersAndJobs(Path workflow) {
        Map<String, Object> root = YamlDocuments.coreMapping(workflow);
        assertThat(root).containsKeys("name", "on", "jobs", "permissions");
        assertThat(jobs(root)).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void everyNeedsNamesAJobOfTheSameWorkflow(Path workflow) {
        Map<String, Map<String, Object>> jobs = jobs(YamlDocuments.coreMapping(workflow));
        List<String> unresolved = new ArrayList<>();
        jobs.forEach((name, job) -> needs(job).stream().filter(need -> !jobs.containsKey(need))
                .forEach(need -> unresolved.add(name + " needs " + need)));
        assertThat(unresolved).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void callsOnlyReusableWorkflowsThatExist(Path workflow) {
        jobs(YamlDocuments.coreMapping(workflow)).values().stream().map(job -> Maps.string(job.get("uses")))
                .filter(uses -> uses != null && uses.startsWith("./"))
                .forEach(uses -> {
                    Path called = Repository.file(uses.substring(2));
                    assertThat(called).as(uses).isRegularFile();
                    assertThat(Maps.of(YamlDocuments.coreMapping(called).get("on"))).containsKey("workflow_call");
                });
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void pinsEveryActionToAVersion(Path workflow) {
        List<String> unpinned = Pattern.compile("uses:\\s*(\\S+)").matcher(Repository.read(workflow)).results()
                .map(match -> match.group(1))
                .filter(uses -> !uses.startsWith("./"))
                .filter(uses -> !uses.matches("[\\w.-]+/[\\w./-]+@(v\\d+(\\.\\d+)*|[0-9a-f]{40})"))
                .toList();
        assertThat(unpinned).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void runsOnlyScriptsThatExist(Path workflow) {
        Matcher scripts = SCRIPT.matcher(Repository.read(workflow));
        while (scripts.find()) {
            assertThat(Repository.file(scripts.group(1))).isRegularFile().isExecutable();
        }
    }

    @Test
    void ciRunsTheReadmesTestCommand() {
        Matcher command = README_COMMAND.matcher(Repository.read("README.md"));
        assertThat(command.find()).as("the README's test command").isTrue();
        assertThat(command.group(1)).isEqualTo("./mvnw verify");
        List<String> runs = steps(YamlDocuments.coreMapping(Repository.file(".github/workflows/ci.yml")))
                .map(step -> Maps.string(step.get("run"))).filter(run -> run != null).toList();
        assertThat(runs).anySatisfy(run -> assertThat(run.lines()).contains(command.group(1)));
    }

    @Test
    void ciRunsOnPushAndPullRequestAndUploadsTestReports() {
        Map<String, Object> ci = YamlDocuments.coreMapping(Repository.file(".github/workflows/ci.yml"));
        assertThat(Maps.of(ci.get("on"))).containsKeys("push", "pull_request", "workflow_call");
        assertThat(steps(ci).map(step -> Maps.string(step.get("uses"))))
                .anySatisfy(uses -> assertThat(uses).startsWith("actions/upload-artifact@"));
        String text = Repository.read(".github/workflows/ci.yml");
        assertThat(text).contains("docker compose config").contains("kubeconform -strict").contains("actionlint");
    }

    /** Every commit on main goes build -> dev -> staging -> production, the last behind an approval. */
    @Test
    void deliveryPromotesThroughEveryEnvironmentInOrder() {
        Map<String, Map<String, Object>> jobs =
                jobs(YamlDocuments.coreMapping(Repository.file(".github/workflows/delivery.yml")));
        assertThat(needs(jobs.get("images"))).containsExactly("ci");
        assertThat(needs(jobs.get("dev"))).containsExactly("images");
        assertThat(needs(jobs.get("staging"))).containsExactly("dev");
        assertThat(needs(jobs.get("production"))).containsExactly("staging");
        assertThat(Maps.of(jobs.get("staging").get("with"))).containsEntry("load-test", true);
        assertThat(Maps.of(jobs.get("production").get("with"))).containsEntry("github-environment", "production");
        Map<String, Object> deploy = jobs(YamlDocuments.coreMapping(Repository.file(".github/workflows/deploy.yml")))
                .get("deploy");
        assertThat(Maps.mapAt(deploy, "environment")).containsKey("name");
        assertThat(Repository.read(".github/workflows/deploy.yml")).contains("deploy/smoke-test.sh")
                .contains("deploy/k8s-deploy.sh").contains("deploy/load-test.js");
    }

    @Test
    void dependabotUpdatesMavenDockerAndActions() {
        List<String> ecosystems = Maps.list(YamlDocuments.coreMapping(Repository.file(".github/dependabot.yml"))
                .get("updates")).stream().map(update -> Maps.string(Maps.of(update).get("package-ecosystem"))).toList();
        assertThat(ecosystems).contains("maven", "docker", "docker-compose", "github-actions");
    }

    private static Map<String, Map<String, Object>> jobs(Map<String, Object> workflow) {
        Map<String, Map<String, Object>> jobs = new java.util.LinkedHashMap<>();
        Maps.of(workflow.get("jobs")).forEach((name, job) -> jobs.put(name, Maps.of(job)));
        return jobs;
    }

    private static List<String> needs(Map<String, Object> job) {
        Object needs = job.get("needs");
        return needs instanceof String single ? List.of(single) : Maps.list(needs).stream().map(String::valueOf).toList();
    }

    private static Stream<Map<String, Object>> steps(Map<String, Object> workflow) {
        return jobs(workflow).values().stream().flatMap(job -> Maps.list(job.get("steps")).stream()).map(Maps::of);
    }
}
