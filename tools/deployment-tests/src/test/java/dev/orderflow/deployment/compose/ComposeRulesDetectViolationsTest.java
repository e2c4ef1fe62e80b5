package dev.orderflow.deployment.compose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.orderflow.deployment.support.Repository;

/** Each compose rule fails when its rule is broken: docker-compose.yml with one deliberate fault. */
class ComposeRulesDetectViolationsTest {

    private final String original = Repository.read("docker-compose.yml");

    @Test
    void anUnknownKeyBreaksTheSchema() {
        ComposeFile broken = edit("    restart: unless-stopped\n    environment:\n      POSTGRES_DB",
                "    restart: unless-stopped\n    restart_policy: always\n    environment:\n      POSTGRES_DB");
        assertThat(ComposeSchema.violations(broken)).anySatisfy(error -> assertThat(error).contains("restart_policy"));
    }

    @Test
    void aDependencyOnAMissingServiceIsReported() {
        ComposeFile broken = edit("      kafka:\n        condition: service_healthy\n\n  delivery-service:",
                "      kafka:\n        condition: service_healthy\n      redis:\n        condition: service_healthy\n\n"
                        + "  delivery-service:");
        assertThat(ComposeRules.dependenciesExistAndWaitForHealth(broken)).singleElement().asString()
                .contains("redis, which is not a service");
    }

    @Test
    void aDependencyThatOnlyWaitsForTheStartIsReported() {
        ComposeFile broken = edit("      order-service:\n        condition: service_healthy\n      delivery-service:\n"
                        + "        condition: service_healthy\n\n  # `docker compose",
                "      order-service:\n        condition: service_started\n      delivery-service:\n"
                        + "        condition: service_healthy\n\n  # `docker compose");
        assertThat(ComposeRules.dependenciesExistAndWaitForHealth(broken)).singleElement().asString()
                .contains("service_started");
    }

    @Test
    void aPublishedDatabasePortIsReported() {
        ComposeFile broken = edit("    networks: [data]\n    healthcheck:\n      # Over TCP",
                "    ports:\n      - \"5432:5432\"\n    networks: [data]\n    healthcheck:\n      # Over TCP");
        assertThat(ComposeRules.onlyTheGatewayPublishesAPort(broken)).singleElement().asString()
                .contains("postgres: publishes");
    }

    @Test
    void aMissingHealthcheckIsReported() {
        ComposeFile broken = edit("    healthcheck:\n      test: [\"CMD-SHELL\", \"/opt/kafka",
                "    x-healthcheck:\n      test: [\"CMD-SHELL\", \"/opt/kafka");
        assertThat(ComposeRules.everyServiceHasAHealthcheck(broken)).containsExactly("kafka: no healthcheck");
    }

    @Test
    void aVariableNoPropertyReadsIsReported() {
        ComposeFile broken = edit("      ORDERFLOW_SAGA_DEADLINE: 60s", "      ORDERFLOW_SAGA_TIMEOUT: 60s");
        assertThat(ComposeRules.everyVariableIsOneTheServiceReads(broken)).singleElement().asString()
                .contains("ORDERFLOW_SAGA_TIMEOUT maps to no property order-service reads");
    }

    @Test
    void aPortThatIsNotTheServicesIsReported() {
        ComposeFile broken = edit("        SERVICE: delivery-service\n        SERVER_PORT: \"8082\"",
                "        SERVICE: delivery-service\n        SERVER_PORT: \"8081\"");
        assertThat(ComposeRules.springServicesBuildFromTheirModule(broken)).singleElement().asString()
                .contains("listens on 8082");
    }

    @Test
    void anInvalidKafkaClusterIdIsReported() {
        ComposeFile broken = edit("CLUSTER_ID: na88HyV9TXepLakulMMCZQ", "CLUSTER_ID: orderflow");
        assertThat(ComposeRules.kafkaRunsKraftAndTopicsFitTheConsumers(broken)).singleElement().asString()
                .contains("CLUSTER_ID");
    }

    @Test
    void aLatestImageIsReported() {
        ComposeFile broken = edit("image: postgres:17.6-alpine", "image: postgres:latest");
        assertThat(ComposeRules.imagesArePinned(broken)).singleElement().asString().contains("postgres:latest");
    }

    private ComposeFile edit(String from, String to) {
        assertThat(original).as("the text this test changes").contains(from);
        return ComposeFile.parse(original.replace(from, to));
    }
}
