package dev.orderflow.deployment.compose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.orderflow.deployment.support.Maps;
import dev.orderflow.deployment.support.Repository;
import dev.orderflow.deployment.support.YamlDocuments;

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
        ComposeFile broken = edit("      keycloak:\n        condition: service_healthy\n\n  delivery-service:",
                "      keycloak:\n        condition: service_healthy\n      redis:\n        condition: service_healthy\n\n"
                        + "  delivery-service:");
        assertThat(ComposeRules.dependenciesExistAndWaitForHealth(broken)).singleElement().asString()
                .contains("redis, which is not a service");
    }

    @Test
    void aDependencyThatOnlyWaitsForTheStartIsReported() {
        ComposeFile broken = edit("      order-service:\n        condition: service_healthy\n      delivery-service:\n"
                        + "        condition: service_healthy\n      keycloak:\n        condition: service_healthy\n\n"
                        + "  # `docker compose",
                "      order-service:\n        condition: service_started\n      delivery-service:\n"
                        + "        condition: service_healthy\n      keycloak:\n        condition: service_healthy\n\n"
                        + "  # `docker compose");
        assertThat(ComposeRules.dependenciesExistAndWaitForHealth(broken)).singleElement().asString()
                .contains("service_started");
    }

    @Test
    void aPublishedDatabasePortIsReported() {
        ComposeFile broken = edit("    networks: [data]\n    healthcheck:\n      # Over TCP",
                "    ports:\n      - \"5432:5432\"\n    networks: [data]\n    healthcheck:\n      # Over TCP");
        assertThat(ComposeRules.onlyTheGatewayAndTheIdentityProviderPublishPorts(broken)).singleElement().asString()
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
    void aVariableSpringBootNoLongerReadsIsReported() {
        ComposeFile broken = edit("  MANAGEMENT_TRACING_EXPORT_OTLP_ENABLED:", "  MANAGEMENT_OTLP_TRACING_EXPORT_ENABLED:");
        assertThat(ComposeRules.everyVariableIsOneTheServiceReads(broken)).hasSize(2)
                .allSatisfy(violation -> assertThat(violation).contains("MANAGEMENT_OTLP_TRACING_EXPORT_ENABLED maps to "
                        + "no property"));
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

    @Test
    void aPublishedManagementPortIsReported() {
        ComposeFile broken = edit("      - \"${ORDERFLOW_GATEWAY_BIND:-127.0.0.1}:${ORDERFLOW_GATEWAY_PORT:-8080}:8080\"\n",
                "      - \"${ORDERFLOW_GATEWAY_BIND:-127.0.0.1}:${ORDERFLOW_GATEWAY_PORT:-8080}:8080\"\n"
                        + "      - \"127.0.0.1:9080:9080\"\n");
        assertThat(ManagementPortRules.noManagementPortIsPublished(broken)).singleElement().asString()
                .contains("api-gateway: publishes its management port 9080");
    }

    @Test
    void aDebugPortForwardedToAnActuatorIsReported() {
        ComposeFile broken = edit("TCP:order-service:8081", "TCP:order-service:9081");
        assertThat(ManagementPortRules.noManagementPortIsPublished(broken)).singleElement().asString()
                .contains("debug-ports: publishes a port forwarded to the management port 9081 of order-service");
    }

    @Test
    void aPublishedKeycloakManagementPortIsReported() {
        ComposeFile broken = edit("      - \"${ORDERFLOW_KEYCLOAK_BIND:-127.0.0.1}:8180:8180\"\n",
                "      - \"${ORDERFLOW_KEYCLOAK_BIND:-127.0.0.1}:8180:8180\"\n      - \"127.0.0.1:9000:9000\"\n");
        assertThat(ManagementPortRules.noManagementPortIsPublished(broken)).singleElement().asString()
                .contains("keycloak: publishes its management port 9000");
    }

    @Test
    void aHealthcheckOnTheMainPortIsReported() {
        ComposeFile broken = edit("\"probe\", \"9082\", \"/actuator/health/readiness\"",
                "\"probe\", \"8082\", \"/actuator/health/readiness\"");
        assertThat(ManagementPortRules.springHealthchecksAskTheManagementPort(broken)).singleElement().asString()
                .contains("delivery-service: its healthcheck does not ask /actuator/health/readiness on its "
                        + "management port 9082");
    }

    @Test
    void prometheusScrapingAMainPortIsReported() {
        String prometheus = Repository.read(DockerComposeTest.PROMETHEUS);
        assertThat(prometheus).contains("order-service:9081");
        assertThat(ManagementPortRules.prometheusScrapesTheManagementPorts(Maps.of(YamlDocuments.core(
                prometheus.replace("order-service:9081", "order-service:8081")).getFirst()))).singleElement().asString()
                .contains("order-service:8081, not the management port 9081");
    }

    @Test
    void aServiceWithoutTheIssuerIsReported() {
        ComposeFile broken = edit("      <<: [*kafka-client-env, *observability-env, *resource-server-env]\n"
                        + "      SPRING_DATASOURCE_URL: jdbc:postgresql://postgres:5432/orderflow?currentSchema=delivery",
                "      <<: [*kafka-client-env, *observability-env]\n"
                        + "      SPRING_DATASOURCE_URL: jdbc:postgresql://postgres:5432/orderflow?currentSchema=delivery");
        assertThat(IdentityProviderRules.springServicesTrustTheRealm(broken))
                .containsExactly("delivery-service: " + IdentityProviderRules.ISSUER_URI + " is null, but Keycloak's "
                                + "tokens name the issuer http://localhost:8180/realms/orderflow",
                        "delivery-service: " + IdentityProviderRules.JWK_SET_URI + " is null, expected "
                                + "http://keycloak:8180/realms/orderflow/protocol/openid-connect/certs");
    }

    @Test
    void anIssuerOtherThanKeycloaksHostnameIsReported() {
        ComposeFile broken = edit("--hostname=http://localhost:8180", "--hostname=http://127.0.0.1:8180");
        assertThat(IdentityProviderRules.springServicesTrustTheRealm(broken)).hasSize(3)
                .allSatisfy(violation -> assertThat(violation).contains("tokens name the issuer http://127.0.0.1:8180"));
    }

    @Test
    void keycloakWithoutTheRepositorysRealmIsReported() {
        ComposeFile broken = edit("./platform/identity/orderflow-realm.json:", "./my-realm.json:");
        assertThat(IdentityProviderRules.keycloakImportsTheRepositoryRealm(broken)).singleElement().asString()
                .contains("does not mount platform/identity/orderflow-realm.json");
    }

    @Test
    void keycloakThatDoesNotImportIsReported() {
        ComposeFile broken = edit("      - --import-realm\n", "");
        assertThat(IdentityProviderRules.keycloakImportsTheRepositoryRealm(broken)).singleElement().asString()
                .contains("no --import-realm");
    }

    @Test
    void aKeycloakAdministratorIsReported() {
        ComposeFile broken = edit("    image: quay.io/keycloak/keycloak:26.7.3\n",
                "    image: quay.io/keycloak/keycloak:26.7.3\n    environment:\n      KC_BOOTSTRAP_ADMIN_USERNAME: admin\n");
        assertThat(IdentityProviderRules.keycloakImportsTheRepositoryRealm(broken)).singleElement().asString()
                .contains("KC_BOOTSTRAP_ADMIN_USERNAME creates an administrator");
    }

    private ComposeFile edit(String from, String to) {
        assertThat(original).as("the text this test changes").contains(from);
        return ComposeFile.parse(original.replace(from, to));
    }
}
