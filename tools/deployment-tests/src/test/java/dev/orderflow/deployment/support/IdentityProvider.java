package dev.orderflow.deployment.support;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Keycloak and the realm it imports, {@code platform/identity/orderflow-realm.json}: the single source of truth that
 * compose mounts and k8s copies. What the deployment files must agree with.
 */
public final class IdentityProvider {

    public static final String REALM_FILE = "platform/identity/orderflow-realm.json";
    public static final String IMAGE_REPOSITORY = "quay.io/keycloak/keycloak";
    /** Where {@code --import-realm} reads realm files from, in the official image. */
    public static final String IMPORT_DIRECTORY = "/opt/keycloak/data/import";
    /** Keycloak's management interface (health, metrics): never published, never routed. */
    public static final int MANAGEMENT_PORT = 9000;
    /** Keycloak's HTTP port when no --http-port is given. */
    public static final int DEFAULT_HTTP_PORT = 8080;
    /** Variables that create an administrator of the master realm (current and legacy names). */
    public static final List<String> ADMIN_VARIABLE_PREFIXES = List.of("KC_BOOTSTRAP_ADMIN_", "KEYCLOAK_ADMIN");

    private static final String NAME = JsonMapper.builder().build().readTree(realmText()).path("realm").asString();

    private IdentityProvider() {
    }

    public static String realmText() {
        return Repository.read(REALM_FILE);
    }

    public static String realmName() {
        return NAME;
    }

    /** The issuer of the realm's tokens when Keycloak's public URL (its --hostname) is this one. */
    public static String issuer(String hostname) {
        return stripSlash(hostname) + "/realms/" + NAME;
    }

    /** The realm's signing keys at an address of Keycloak (inside the network: the backchannel). */
    public static String jwkSetUri(String host, int port) {
        return "http://" + host + ":" + port + "/realms/" + NAME + "/protocol/openid-connect/certs";
    }

    public static boolean createsAnAdministrator(String variable) {
        return ADMIN_VARIABLE_PREFIXES.stream().anyMatch(variable::startsWith);
    }

    /**
     * A Keycloak option as {@code --name=value} among the arguments, else its variable ({@code KC_NAME}), else null:
     * Keycloak reads both, the argument first.
     */
    public static String option(List<String> arguments, Map<String, String> environment, String name) {
        return arguments.stream().filter(argument -> argument.startsWith("--" + name + "="))
                .map(argument -> argument.substring(name.length() + 3)).findFirst()
                .orElse(environment.get("KC_" + name.toUpperCase(Locale.ROOT).replace('-', '_')));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
