package dev.orderflow.deployment.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.orderflow.deployment.support.Repository;

/**
 * The semantic rules, on every overlay as kubectl's kustomize renders it (GitHub's runners, any machine with
 * kubectl), or on the base with its generated settings where kubectl is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubernetesWorkloadsTest {

    private final List<ManifestSet> sets = ManifestSet.underTest().toList();

    List<ManifestSet> sets() {
        return sets;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void workloadSelectorsMatchTheirPods(ManifestSet set) {
        assertKept(set, WorkloadRules::selectorsMatchPodLabels);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void probesUseDeclaredPorts(ManifestSet set) {
        assertKept(set, WorkloadRules::probePortsExist);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void servicesAreProbedOnTheirHealthGroupsAndLivenessHoldsNoDependency(ManifestSet set) {
        assertKept(set, WorkloadRules::springProbesUseHealthGroups);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void servicesAreProbedAndScrapedOnTheirManagementPorts(ManifestSet set) {
        assertKept(set, WorkloadRules::springProbesAskTheManagementPort);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void everyContainerHasRequestsAndLimits(ManifestSet set) {
        assertKept(set, WorkloadRules::resourcesAreBounded);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void everyContainerRunsRestricted(ManifestSet set) {
        assertKept(set, WorkloadRules::securityContextsAreRestricted);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void gracefulShutdownFitsTheGracePeriod(ManifestSet set) {
        assertKept(set, WorkloadRules::springShutdownFitsTheGracePeriod);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void configMapAndSecretReferencesResolve(ManifestSet set) {
        assertKept(set, WorkloadRules::configReferencesResolve);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void imagesArePinnedToAVersion(ManifestSet set) {
        assertKept(set, WorkloadRules::imagesArePinned);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void everyVariableGivenToAServiceIsOneItReads(ManifestSet set) {
        assertKept(set, WorkloadRules::springEnvironmentIsRead);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void eachServiceHoldsOnlyItsOwnDatabaseCredentials(ManifestSet set) {
        assertKept(set, WorkloadRules::databaseCredentialsStayWithTheirService);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void servicesSelectPodsAndPorts(ManifestSet set) {
        assertKept(set, NetworkRules::servicesSelectPods);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void onlyThePublicPathsAreReachableFromOutside(ManifestSet set) {
        assertKept(set, NetworkRules::ingressesRouteOnlyPublicPaths);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void onlyPrometheusReachesTheManagementPorts(ManifestSet set) {
        assertKept(set, NetworkRules::onlyPrometheusReachesManagementPorts);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void keycloakImportsTheRepositorysRealmWithoutAnAdministrator(ManifestSet set) {
        assertKept(set, IdentityProviderRules::keycloakImportsTheRepositoryRealm);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void everyServiceValidatesTheRealmsTokens(ManifestSet set) {
        assertKept(set, IdentityProviderRules::springServicesTrustTheRealm);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void networkPoliciesDenyByDefaultAndCoverEveryPod(ManifestSet set) {
        assertKept(set, NetworkRules::policiesCoverEveryPod);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void networkPoliciesAdmitOnlyTheIntendedCallers(ManifestSet set) {
        assertKept(set, NetworkRules::callersAreTheAllowedOnes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void topicPartitionsCoverTheLargestConsumerDeployment(ManifestSet set) {
        assertKept(set, ScalingRules::partitionsCoverTheLargestDeployment);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void kafkaReplicationFitsItsBrokers(ManifestSet set) {
        assertKept(set, ScalingRules::kafkaReplicationFitsTheBrokers);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void autoscalersOwnTheReplicasAndBudgetsNeverBlockADrain(ManifestSet set) {
        assertKept(set, ScalingRules::autoscalersOwnTheirReplicas);
    }

    /** Dev runs one replica of each; staging and prod must survive losing a pod. */
    @Test
    void stagingAndProdRunEveryServiceHighlyAvailable() throws IOException {
        List<ManifestSet> production = sets.stream()
                .filter(set -> set.name().contains("staging") || set.name().contains("prod")).toList();
        if (production.isEmpty()) {
            // Without kubectl the overlays are not rendered: they must at least include the HA component.
            for (String overlay : List.of("staging", "prod")) {
                assertThat(Files.readString(Repository.file("k8s/overlays/" + overlay + "/kustomization.yaml")))
                        .as(overlay).contains("../../components/high-availability");
            }
        }
        production.forEach(set -> assertKept(set, ScalingRules::servicesAreHighlyAvailable));
    }

    private static void assertKept(ManifestSet set, Function<ManifestSet, List<String>> rule) {
        assertThat(rule.apply(set)).as("violations in %s", set).isEmpty();
    }
}
