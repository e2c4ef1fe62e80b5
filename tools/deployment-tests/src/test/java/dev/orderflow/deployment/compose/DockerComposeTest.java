package dev.orderflow.deployment.compose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** docker-compose.yml starts the whole system, healthy and configured, with `docker compose up --build`. */
class DockerComposeTest {

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
    void onlyTheGatewayPublishesAPort() {
        assertThat(ComposeRules.onlyTheGatewayPublishesAPort(compose)).isEmpty();
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
