package dev.orderflow.deployment.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;

import dev.orderflow.deployment.support.YamlDocuments;

/** Each rule fails when its rule is broken: the base with one deliberate fault must show that fault. */
class RulesDetectViolationsTest {

    private final ManifestSet base = ManifestSet.base();

    @Test
    void theBaseKeepsEveryRule() {
        List<Function<ManifestSet, List<String>>> rules = List.of(WorkloadRules::selectorsMatchPodLabels,
                WorkloadRules::probePortsExist, WorkloadRules::springProbesUseHealthGroups,
                WorkloadRules::resourcesAreBounded, WorkloadRules::securityContextsAreRestricted,
                WorkloadRules::springShutdownFitsTheGracePeriod, WorkloadRules::configReferencesResolve,
                WorkloadRules::imagesArePinned, WorkloadRules::springEnvironmentIsRead,
                WorkloadRules::databaseCredentialsStayWithTheirService, WorkloadRules::springProbesAskTheManagementPort,
                NetworkRules::servicesSelectPods, NetworkRules::ingressesRouteOnlyPublicPaths,
                NetworkRules::policiesCoverEveryPod, NetworkRules::callersAreTheAllowedOnes,
                NetworkRules::onlyPrometheusReachesManagementPorts, ScalingRules::partitionsCoverTheLargestDeployment,
                ScalingRules::kafkaReplicationFitsTheBrokers, ScalingRules::autoscalersOwnTheirReplicas,
                IdentityProviderRules::keycloakImportsTheRepositoryRealm,
                IdentityProviderRules::springServicesTrustTheRealm);
        rules.forEach(rule -> assertThat(rule.apply(base)).isEmpty());
    }

    @Test
    void aLivenessProbeOnTheReadinessGroupIsReported() {
        ManifestSet broken = withDeployment("order-service", d -> new DeploymentBuilder(d).editSpec().editTemplate()
                .editSpec().editFirstContainer().editLivenessProbe().editHttpGet()
                .withPath("/actuator/health/readiness").endHttpGet().endLivenessProbe().endContainer().endSpec()
                .endTemplate().endSpec().build());
        assertThat(WorkloadRules.springProbesUseHealthGroups(broken)).singleElement().asString()
                .contains("livenessProbe asks /actuator/health/readiness");
    }

    @Test
    void aWritableRootFilesystemIsReported() {
        ManifestSet broken = withDeployment("api-gateway", d -> new DeploymentBuilder(d).editSpec().editTemplate()
                .editSpec().editFirstContainer().editSecurityContext().withReadOnlyRootFilesystem(false)
                .endSecurityContext().endContainer().endSpec().endTemplate().endSpec().build());
        assertThat(WorkloadRules.securityContextsAreRestricted(broken)).singleElement().asString()
                .contains("readOnlyRootFilesystem");
    }

    @Test
    void aMissingMemoryLimitIsReported() {
        ManifestSet broken = withDeployment("delivery-service", d -> new DeploymentBuilder(d).editSpec()
                .editTemplate().editSpec().editFirstContainer().editResources().removeFromLimits("memory")
                .endResources().endContainer().endSpec().endTemplate().endSpec().build());
        assertThat(WorkloadRules.resourcesAreBounded(broken)).singleElement().asString().contains("no memory limit");
    }

    @Test
    void aLatestImageIsReported() {
        ManifestSet broken = withDeployment("order-service", d -> new DeploymentBuilder(d).editSpec().editTemplate()
                .editSpec().editFirstContainer().withImage("ghcr.io/x/order-service:latest").endContainer().endSpec()
                .endTemplate().endSpec().build());
        assertThat(WorkloadRules.imagesArePinned(broken)).singleElement().asString().contains(":latest");
    }

    @Test
    void aGracePeriodShorterThanTheShutdownIsReported() {
        ManifestSet broken = withDeployment("order-service", d -> new DeploymentBuilder(d).editSpec().editTemplate()
                .editSpec().withTerminationGracePeriodSeconds(25L).endSpec().endTemplate().endSpec().build());
        assertThat(WorkloadRules.springShutdownFitsTheGracePeriod(broken)).singleElement().asString()
                .contains("terminationGracePeriodSeconds 25");
    }

    @Test
    void aReferenceToAMissingConfigMapIsReported() {
        ManifestSet broken = withDeployment("api-gateway", d -> new DeploymentBuilder(d).editSpec().editTemplate()
                .editSpec().editFirstContainer().editFirstEnvFrom().editConfigMapRef().withName("gateway-settings")
                .endConfigMapRef().endEnvFrom().endContainer().endSpec().endTemplate().endSpec().build());
        assertThat(WorkloadRules.configReferencesResolve(broken)).singleElement().asString()
                .contains("gateway-settings does not exist");
    }

    @Test
    void aVariableNoPropertyReadsIsReported() {
        ManifestSet broken = withConfigMap("order-service-config", map -> new ConfigMapBuilder(map)
                .addToData("ORDERFLOW_SAGA_DEADLIN", "60s").build());
        assertThat(WorkloadRules.springEnvironmentIsRead(broken)).singleElement().asString()
                .contains("ORDERFLOW_SAGA_DEADLIN maps to no property order-service reads");
    }

    @Test
    void anotherServicesDatabaseSecretIsReported() {
        ManifestSet broken = withDeployment("order-service", d -> new DeploymentBuilder(d).editSpec().editTemplate()
                .editSpec().editFirstContainer().addNewEnvFrom().withNewSecretRef("delivery-service-db", false)
                .endEnvFrom().endContainer().endSpec().endTemplate().endSpec().build());
        assertThat(WorkloadRules.databaseCredentialsStayWithTheirService(broken)).singleElement().asString()
                .contains("delivery-service-db");
    }

    @Test
    void aMissingDefaultDenyIsReported() {
        List<HasMetadata> resources = new ArrayList<>(base.resources());
        resources.removeIf(r -> r instanceof NetworkPolicy && r.getMetadata().getName().equals("default-deny-all"));
        assertThat(NetworkRules.policiesCoverEveryPod(new ManifestSet("broken", resources))).singleElement()
                .asString().contains("no default-deny");
    }

    @Test
    void theDatabaseOpenToTheGatewayIsReported() {
        List<HasMetadata> resources = new ArrayList<>(base.resources());
        resources.replaceAll(resource -> resource instanceof NetworkPolicy policy
                && policy.getMetadata().getName().equals("postgres")
                ? new io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder(policy).editSpec()
                .editFirstIngress().addNewFrom().withNewPodSelector().addToMatchLabels(NetworkRules.APP, "api-gateway")
                .endPodSelector().endFrom().endIngress().endSpec().build()
                : resource);
        assertThat(NetworkRules.callersAreTheAllowedOnes(new ManifestSet("broken", resources))).singleElement()
                .asString().contains("admits api-gateway to postgres");
    }

    @Test
    void aProbeOnTheMainPortIsReported() {
        ManifestSet broken = withDeployment("delivery-service", d -> new DeploymentBuilder(d).editSpec().editTemplate()
                .editSpec().editFirstContainer().editReadinessProbe().editHttpGet().withNewPort("http").endHttpGet()
                .endReadinessProbe().endContainer().endSpec().endTemplate().endSpec().build());
        assertThat(WorkloadRules.springProbesAskTheManagementPort(broken)).singleElement().asString()
                .contains("delivery-service: readinessProbe asks port 8082, not the management port 9082");
    }

    @Test
    void anIngressPathToTheActuatorIsReported() {
        ManifestSet broken = withIngress("api-gateway", ingress -> new IngressBuilder(ingress).editSpec()
                .editFirstRule().editHttp().addNewPath().withPath("/actuator").withPathType("Prefix").withNewBackend()
                .withNewService().withName("api-gateway").withNewPort().withName("http").endPort().endService()
                .endBackend().endPath().endHttp().endRule().endSpec().build());
        assertThat(NetworkRules.ingressesRouteOnlyPublicPaths(broken)).singleElement().asString()
                .contains("Ingress api-gateway routes /actuator to api-gateway, which reaches /actuator");
    }

    @Test
    void anIngressForEverythingIsReported() {
        ManifestSet broken = withIngress("api-gateway", ingress -> new IngressBuilder(ingress).editSpec()
                .editFirstRule().editHttp().editFirstPath().withPath("/").endPath().endHttp().endRule().endSpec()
                .build());
        assertThat(NetworkRules.ingressesRouteOnlyPublicPaths(broken)).singleElement().asString()
                .contains("routes / to api-gateway, which reaches /actuator");
    }

    @Test
    void keycloaksAdminPathsInTheIngressAreReported() {
        ManifestSet broken = withIngress("keycloak", ingress -> new IngressBuilder(ingress).editSpec()
                .editFirstRule().editHttp().editFirstPath().withPath("/admin").endPath().endHttp().endRule().endSpec()
                .build());
        assertThat(NetworkRules.ingressesRouteOnlyPublicPaths(broken)).singleElement().asString()
                .contains("routes /admin to keycloak: not one of its public paths");
    }

    @Test
    void theIngressControllerAdmittedToAManagementPortIsReported() {
        ManifestSet broken = withNetworkPolicy("api-gateway", policy -> new NetworkPolicyBuilder(policy).editSpec()
                .editFirstIngress().addNewPort().withProtocol("TCP").withNewPort(9080).endPort().endIngress()
                .endSpec().build());
        assertThat(NetworkRules.onlyPrometheusReachesManagementPorts(broken)).singleElement().asString()
                .contains("api-gateway: admits namespace:ingress-controller to the management port 9080 of api-gateway");
    }

    @Test
    void aPolicyAdmittingEveryPortIsReported() {
        ManifestSet broken = withNetworkPolicy("order-service", policy -> new NetworkPolicyBuilder(policy).editSpec()
                .editFirstIngress().withPorts().endIngress().endSpec().build());
        assertThat(NetworkRules.onlyPrometheusReachesManagementPorts(broken)).singleElement().asString()
                .contains("order-service: admits api-gateway to the management port 9081 of order-service");
    }

    @Test
    void keycloaksManagementPortOpenToTheServicesIsReported() {
        ManifestSet broken = withNetworkPolicy("keycloak", policy -> new NetworkPolicyBuilder(policy).editSpec()
                .editLastIngress().addNewPort().withProtocol("TCP").withNewPort("management").endPort().endIngress()
                .endSpec().build());
        assertThat(NetworkRules.onlyPrometheusReachesManagementPorts(broken)).hasSize(3)
                .allSatisfy(violation -> assertThat(violation).contains("to the management port 9000 of keycloak"));
    }

    @Test
    void aServiceWithoutTheIssuerIsReported() {
        ManifestSet broken = withDeployment("order-service", d -> new DeploymentBuilder(d).editSpec().editTemplate()
                .editSpec().editFirstContainer().removeMatchingFromEnvFrom(source -> source.hasConfigMapRef()
                        && source.buildConfigMapRef().getName().equals("resource-server-config"))
                .endContainer().endSpec().endTemplate().endSpec().build());
        assertThat(IdentityProviderRules.springServicesTrustTheRealm(broken)).hasSize(2)
                .allSatisfy(violation -> assertThat(violation).startsWith("order-service: SPRING_SECURITY_OAUTH2_")
                        .contains(" is null"));
    }

    @Test
    void aKeycloakHostnameThatIsNotTheIssuersIsReported() {
        ManifestSet broken = withConfigMap("keycloak-config", map -> new ConfigMapBuilder(map)
                .addToData("KC_HOSTNAME", "https://login.example.com").build());
        assertThat(IdentityProviderRules.springServicesTrustTheRealm(broken)).hasSize(3)
                .allSatisfy(violation -> assertThat(violation)
                        .contains("tokens name the issuer https://login.example.com/realms/orderflow"));
    }

    @Test
    void aRealmOtherThanTheRepositorysIsReported() {
        ManifestSet broken = withConfigMap("keycloak-realm", map -> new ConfigMapBuilder(map)
                .addToData("orderflow-realm.json", "{\"realm\": \"orderflow\"}").build());
        assertThat(IdentityProviderRules.keycloakImportsTheRepositoryRealm(broken)).singleElement().asString()
                .contains("which is not platform/identity/orderflow-realm.json");
    }

    @Test
    void aKeycloakAdministratorIsReported() {
        ManifestSet broken = withDeployment("keycloak", d -> new DeploymentBuilder(d).editSpec().editTemplate()
                .editSpec().editFirstContainer().addNewEnv().withName("KC_BOOTSTRAP_ADMIN_PASSWORD").withValue("x")
                .endEnv().endContainer().endSpec().endTemplate().endSpec().build());
        assertThat(IdentityProviderRules.keycloakImportsTheRepositoryRealm(broken)).singleElement().asString()
                .contains("KC_BOOTSTRAP_ADMIN_PASSWORD creates an administrator");
    }

    @Test
    void moreReplicasThanPartitionsAreReported() {
        List<HasMetadata> resources = new ArrayList<>(base.resources());
        resources.add(new HorizontalPodAutoscalerBuilder().withNewMetadata().withName("order-service").endMetadata()
                .withNewSpec().withNewScaleTargetRef("apps/v1", "Deployment", "order-service").withMinReplicas(2)
                .withMaxReplicas(20).endSpec().build());
        assertThat(ScalingRules.partitionsCoverTheLargestDeployment(new ManifestSet("broken", resources)))
                .singleElement().asString().contains("12 partitions for up to 20 instances");
    }

    @Test
    void anUnknownFieldFailsTheParse() {
        String misspelt = """
                apiVersion: v1
                kind: Service
                metadata:
                  name: order-service
                spec:
                  selectr:
                    app.kubernetes.io/name: order-service
                """;
        assertThatThrownBy(() -> StrictKubernetesModel.parse(YamlDocuments.kubernetes(misspelt)))
                .hasMessageContaining("selectr");
    }

    @Test
    void aNumberWhereAStringBelongsFailsTheParse() {
        String unquoted = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: messaging-config
                data:
                  ORDERFLOW_MESSAGING_PARTITIONS: 12
                """;
        assertThatThrownBy(() -> StrictKubernetesModel.parse(YamlDocuments.kubernetes(unquoted)))
                .hasMessageContaining("ORDERFLOW_MESSAGING_PARTITIONS");
    }

    @Test
    void anUnknownKindFailsTheParse() {
        String strimzi = """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: Kafka
                metadata:
                  name: orderflow-kafka
                """;
        assertThatThrownBy(() -> StrictKubernetesModel.parse(YamlDocuments.kubernetes(strimzi)))
                .hasMessageContaining("unknown or unsupported kind");
    }

    @Test
    void aDuplicatedKeyFailsTheParse() {
        String duplicated = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: a
                  name: b
                """;
        assertThatThrownBy(() -> YamlDocuments.kubernetes(duplicated)).hasMessageContaining("duplicate key");
    }

    private ManifestSet withDeployment(String name, UnaryOperator<Deployment> change) {
        List<HasMetadata> resources = new ArrayList<>(base.resources());
        resources.replaceAll(resource -> resource instanceof Deployment deployment
                && deployment.getMetadata().getName().equals(name) ? change.apply(deployment) : resource);
        return new ManifestSet("broken", resources);
    }

    private ManifestSet withIngress(String name, UnaryOperator<Ingress> change) {
        return withResource(Ingress.class, name, change);
    }

    private ManifestSet withNetworkPolicy(String name, UnaryOperator<NetworkPolicy> change) {
        return withResource(NetworkPolicy.class, name, change);
    }

    private <T extends HasMetadata> ManifestSet withResource(Class<T> kind, String name, UnaryOperator<T> change) {
        List<HasMetadata> resources = new ArrayList<>(base.resources());
        resources.replaceAll(resource -> kind.isInstance(resource) && resource.getMetadata().getName().equals(name)
                ? change.apply(kind.cast(resource)) : resource);
        return new ManifestSet("broken", resources);
    }

    private ManifestSet withConfigMap(String name, UnaryOperator<ConfigMap> change) {
        List<HasMetadata> resources = new ArrayList<>(base.resources());
        resources.replaceAll(resource -> resource instanceof ConfigMap map && map.getMetadata().getName().equals(name)
                ? change.apply(map) : resource);
        return new ManifestSet("broken", resources);
    }
}
