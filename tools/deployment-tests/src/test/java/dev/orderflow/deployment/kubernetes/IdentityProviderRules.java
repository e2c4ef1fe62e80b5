package dev.orderflow.deployment.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;

import dev.orderflow.deployment.support.IdentityProvider;

/** Keycloak in the cluster: the repository's realm, no administrator, and services that trust its tokens. */
final class IdentityProviderRules {

    static final String KEYCLOAK = NetworkRules.KEYCLOAK;
    static final String ISSUER_URI = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI";
    static final String JWK_SET_URI = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI";

    private IdentityProviderRules() {
    }

    /**
     * Keycloak imports, at start, a ConfigMap holding exactly platform/identity/orderflow-realm.json (the copy in
     * k8s/base/keycloak, kept identical by KustomizationsTest), and creates no administrator.
     */
    static List<String> keycloakImportsTheRepositoryRealm(ManifestSet set) {
        Optional<Container> found = keycloak(set);
        if (found.isEmpty()) {
            return List.of("no keycloak container");
        }
        Container keycloak = found.get();
        PodTemplateSpec template = set.podTemplates().get(KEYCLOAK);
        List<String> violations = new ArrayList<>();
        if (!keycloak.getImage().startsWith(IdentityProvider.IMAGE_REPOSITORY + ":")) {
            violations.add(KEYCLOAK + ": not the official image " + IdentityProvider.IMAGE_REPOSITORY);
        }
        if (!arguments(keycloak).contains("--import-realm")) {
            violations.add(KEYCLOAK + ": no --import-realm, so the realm is never read");
        }
        Optional<Map<String, String>> imported = Optional.ofNullable(keycloak.getVolumeMounts()).orElse(List.of())
                .stream().filter(mount -> mount.getMountPath().equals(IdentityProvider.IMPORT_DIRECTORY))
                .map(VolumeMount::getName).findFirst()
                .flatMap(name -> Optional.ofNullable(template.getSpec().getVolumes()).orElse(List.of()).stream()
                        .filter(volume -> volume.getName().equals(name)).findFirst())
                .map(Volume::getConfigMap)
                .flatMap(configMap -> set.configData(configMap.getName()));
        if (imported.isEmpty()) {
            violations.add(KEYCLOAK + ": no ConfigMap mounted at " + IdentityProvider.IMPORT_DIRECTORY);
        } else if (imported.get().size() != 1 || !imported.get().values().iterator().next()
                .equals(IdentityProvider.realmText())) {
            violations.add(KEYCLOAK + ": imports " + imported.get().keySet() + ", which is not "
                    + IdentityProvider.REALM_FILE);
        }
        WorkloadRules.environmentNames(set, keycloak).stream().filter(IdentityProvider::createsAnAdministrator)
                .forEach(variable -> violations.add(KEYCLOAK + ": " + variable + " creates an administrator"));
        return violations;
    }

    /**
     * Every service validates the realm's tokens: the issuer is Keycloak's public hostname plus the realm (an
     * overlay that moves the host must move both), the keys come from Keycloak's Service inside the cluster.
     */
    static List<String> springServicesTrustTheRealm(ManifestSet set) {
        Optional<Container> keycloak = keycloak(set);
        if (keycloak.isEmpty()) {
            return List.of("no keycloak container");
        }
        Map<String, String> keycloakEnvironment = ScalingRules.environment(set, keycloak.get());
        List<String> arguments = arguments(keycloak.get());
        String hostname = IdentityProvider.option(arguments, keycloakEnvironment, "hostname");
        int httpPort = Integer.parseInt(Objects.requireNonNullElse(
                IdentityProvider.option(arguments, keycloakEnvironment, "http-port"),
                String.valueOf(IdentityProvider.DEFAULT_HTTP_PORT)));
        String issuer = hostname == null ? "(Keycloak has no hostname)" : IdentityProvider.issuer(hostname);
        String keys = keysAddress(set, keycloak.get(), httpPort);
        List<String> violations = new ArrayList<>();
        WorkloadRules.forEachSpringContainer(set, (workload, pod, container, service) -> {
            Map<String, String> environment = ScalingRules.environment(set, container);
            if (!issuer.equals(environment.get(ISSUER_URI))) {
                violations.add(workload + ": " + ISSUER_URI + " is " + environment.get(ISSUER_URI)
                        + ", but Keycloak's tokens name the issuer " + issuer);
            }
            if (!keys.equals(environment.get(JWK_SET_URI))) {
                violations.add(workload + ": " + JWK_SET_URI + " is " + environment.get(JWK_SET_URI) + ", expected "
                        + keys);
            }
        });
        return violations;
    }

    /** The JWKS at the Service that leads to Keycloak's HTTP port. */
    private static String keysAddress(ManifestSet set, Container keycloak, int httpPort) {
        Map<String, String> podLabels = set.podTemplates().get(KEYCLOAK).getMetadata().getLabels();
        for (Service service : set.all(Service.class)) {
            if (service.getSpec().getSelector() == null || !Labels.selects(service.getSpec().getSelector(), podLabels)) {
                continue;
            }
            for (ServicePort port : service.getSpec().getPorts()) {
                if (Objects.equals(WorkloadRules.portNumber(keycloak, port.getTargetPort()), httpPort)) {
                    return IdentityProvider.jwkSetUri(service.getMetadata().getName(), port.getPort());
                }
            }
        }
        return "(no Service leads to Keycloak's port " + httpPort + ")";
    }

    private static Optional<Container> keycloak(ManifestSet set) {
        return Optional.ofNullable(set.podTemplates().get(KEYCLOAK)).stream()
                .flatMap(template -> template.getSpec().getContainers().stream())
                .filter(container -> container.getName().equals(KEYCLOAK)).findFirst();
    }

    private static List<String> arguments(Container container) {
        return Stream.concat(Optional.ofNullable(container.getCommand()).orElse(List.of()).stream(),
                Optional.ofNullable(container.getArgs()).orElse(List.of()).stream()).toList();
    }
}
