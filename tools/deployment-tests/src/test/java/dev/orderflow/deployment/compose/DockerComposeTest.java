package dev.orderflow.deployment.compose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.orderflow.deployment.support.Repository;
import dev.orderflow.deployment.support.YamlDocuments;

/** docker-compose.yml starts the whole system, healthy and configured, with `docker compose up --build`. */
class DockerComposeTest {

    static final String PROMETHEUS = "deploy/observability/prometheus.yml";

    private final ComposeFile compose = ComposeFile.load();

    @Test
    void conformsToTheComposeSpecification() {
        assertThat(ComposeSchema.violations(compose)).isEmpty();
    }

    @Test
    void everyDependencyExistsAndIsAwaitedHealthy() {
        assertThat(ComposeRules.dependenciesExistAndWaitForHealth(compose)).isEmpty();
    }

    @Test
    void everyServiceHasAHealthcheck() {
        assertThat(ComposeRules.everyServiceHasAHealthcheck(compose)).isEmpty();
    }

    @Test
    void onlyTheGatewayAndTheIdentityProviderPublishPorts() {
        assertThat(ComposeRules.onlyTheGatewayAndTheIdentityProviderPublishPorts(compose)).isEmpty();
    }

    @Test
    void noPortOfTheHostLeadsToAManagementPort() {
        assertThat(ManagementPortRules.noManagementPortIsPublished(compose)).isEmpty();
    }

    @Test
    void everyServiceIsHealthcheckedOnItsManagementPort() {
        assertThat(ManagementPortRules.springHealthchecksAskTheManagementPort(compose)).isEmpty();
    }

    @Test
    void prometheusScrapesEveryServiceOnItsManagementPort() {
        assertThat(ManagementPortRules.prometheusScrapesTheManagementPorts(
                YamlDocuments.coreMapping(Repository.file(PROMETHEUS)))).isEmpty();
    }

    @Test
    void keycloakImportsTheRepositorysRealmWithoutAnAdministrator() {
        assertThat(IdentityProviderRules.keycloakImportsTheRepositoryRealm(compose)).isEmpty();
    }

    @Test
    void everyServiceValidatesTheRealmsTokens() {
        assertThat(IdentityProviderRules.springServicesTrustTheRealm(compose)).isEmpty();
    }

    @Test
    void everyImageIsPinned() {
        assertThat(ComposeRules.imagesArePinned(compose)).isEmpty();
    }

    @Test
    void everyServiceIsBuiltFromItsModuleOnItsPort() {
        assertThat(ComposeRules.springServicesBuildFromTheirModule(compose)).isEmpty();
    }

    @Test
    void everyVariableGivenToAServiceIsOneItReads() {
        assertThat(ComposeRules.everyVariableIsOneTheServiceReads(compose)).isEmpty();
    }

    @Test
    void kafkaRunsInKraftModeWithPartitionsForEveryConsumer() {
        assertThat(ComposeRules.kafkaRunsKraftAndTopicsFitTheConsumers(compose)).isEmpty();
    }

    @Test
    void postgresCreatesTheSchemasAndRolesWithTheServicesPasswords() {
        assertThat(ComposeRules.postgresCreatesTheServiceRoles(compose)).isEmpty();
    }

    @Test
    void dataStoresKeepTheirDataInNamedVolumes() {
        assertThat(ComposeRules.dataStoresUseNamedVolumes(compose)).isEmpty();
    }
}
