package dev.orderflow.deployment.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.orderflow.deployment.support.IdentityProvider;
import dev.orderflow.deployment.support.Maps;
import dev.orderflow.deployment.support.SpringService;

/** Keycloak in docker-compose.yml: the repository's realm, no administrator, and services that trust its tokens. */
final class IdentityProviderRules {

    static final String KEYCLOAK = "keycloak";
    static final String ISSUER_URI = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI";
    static final String JWK_SET_URI = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI";

    private IdentityProviderRules() {
    }

    /** It imports platform/identity/orderflow-realm.json at start, creates no admin user and reports its health. */
    static List<String> keycloakImportsTheRepositoryRealm(ComposeFile compose) {
        Map<String, Object> keycloak = compose.services().get(KEYCLOAK);
        if (keycloak == null) {
            return List.of(KEYCLOAK + ": not in docker-compose.yml");
        }
        List<String> violations = new ArrayList<>();
        if (!String.valueOf(keycloak.get("image")).startsWith(IdentityProvider.IMAGE_REPOSITORY + ":")) {
            violations.add(KEYCLOAK + ": not the official image " + IdentityProvider.IMAGE_REPOSITORY);
        }
        List<String> command = command(keycloak);
        if (!command.contains("--import-realm")) {
            violations.add(KEYCLOAK + ": no --import-realm, so the realm file is never read");
        }
        String mount = "./" + IdentityProvider.REALM_FILE + ":" + IdentityProvider.IMPORT_DIRECTORY + "/";
        if (Maps.list(keycloak.get("volumes")).stream().map(String::valueOf)
                .noneMatch(volume -> volume.startsWith(mount) && volume.endsWith(".json:ro"))) {
            violations.add(KEYCLOAK + ": does not mount " + IdentityProvider.REALM_FILE + " read-only into "
                    + IdentityProvider.IMPORT_DIRECTORY);
        }
        ComposeFile.environment(keycloak).keySet().stream().filter(IdentityProvider::createsAnAdministrator)
                .forEach(variable -> violations.add(KEYCLOAK + ": " + variable + " creates an administrator"));
        String healthcheck = Maps.list(Maps.mapAt(keycloak, "healthcheck").get("test")).stream()
                .map(String::valueOf).collect(Collectors.joining(" "));
        if (!"true".equals(IdentityProvider.option(command, ComposeFile.environment(keycloak), "health-enabled"))
                || !healthcheck.contains(String.valueOf(IdentityProvider.MANAGEMENT_PORT))
                || !healthcheck.contains("/health/ready")) {
            violations.add(KEYCLOAK + ": its healthcheck does not ask /health/ready on the management port "
                    + IdentityProvider.MANAGEMENT_PORT + " (with --health-enabled=true)");
        }
        return violations;
    }

    /**
     * Every service validates tokens of the realm: their issuer is Keycloak's public hostname plus the realm, their
     * keys come from Keycloak inside the network, and the service waits for Keycloak to be healthy.
     */
    static List<String> springServicesTrustTheRealm(ComposeFile compose) {
        Map<String, Object> keycloak = compose.services().getOrDefault(KEYCLOAK, Map.of());
        Map<String, String> keycloakEnvironment = ComposeFile.environment(keycloak);
        String hostname = IdentityProvider.option(command(keycloak), keycloakEnvironment, "hostname");
        String httpPort = Objects.requireNonNullElse(
                IdentityProvider.option(command(keycloak), keycloakEnvironment, "http-port"),
                String.valueOf(IdentityProvider.DEFAULT_HTTP_PORT));
        String issuer = hostname == null ? "(Keycloak has no --hostname)" : IdentityProvider.issuer(hostname);
        String keys = IdentityProvider.jwkSetUri(KEYCLOAK, Integer.parseInt(httpPort));
        List<String> violations = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            String module = ComposeFile.builtModule(service);
            if (module == null || !SpringService.exists(module)) {
                return;
            }
            Map<String, String> environment = ComposeFile.environment(service);
            if (!issuer.equals(environment.get(ISSUER_URI))) {
                violations.add(name + ": " + ISSUER_URI + " is " + environment.get(ISSUER_URI) + ", but Keycloak's "
                        + "tokens name the issuer " + issuer);
            }
            if (!keys.equals(environment.get(JWK_SET_URI))) {
                violations.add(name + ": " + JWK_SET_URI + " is " + environment.get(JWK_SET_URI) + ", expected "
                        + keys);
            }
            if (!"service_healthy".equals(Maps.at(service, "depends_on." + KEYCLOAK + ".condition"))) {
                violations.add(name + ": does not wait for " + KEYCLOAK + " to be healthy");
            }
        });
        return violations;
    }

    private static List<String> command(Map<String, Object> service) {
        Object command = service.get("command");
        return command instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : command == null ? List.of() : List.of(String.valueOf(command).split("\\s+"));
    }
}
