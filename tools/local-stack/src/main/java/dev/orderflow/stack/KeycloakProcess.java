package dev.orderflow.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keycloak, the stack's OpenID provider, as its own JVM: Keycloak's server distribution from Maven Central
 * ({@link KeycloakDistribution}) in development mode, with the realm of {@code platform/identity/orderflow-realm.json}
 * imported at its first start. Its database (H2 files) and transaction log live in the stack's data directory, so
 * that its signing keys, and the tokens they signed, survive a restart of Keycloak.
 */
final class KeycloakProcess {

    static final String REALM_RESOURCE = "/orderflow/identity/orderflow-realm.json";
    private static final boolean WINDOWS = System.getProperty("os.name").toLowerCase().startsWith("windows");

    private final Path home;
    private final Path log;

    KeycloakProcess(Path dataDir, Path log) {
        this.home = dataDir.resolve("keycloak");
        this.log = log;
    }

    Process start(Path java, Path distributionZip, Ports ports) {
        Processes.rotate(log);
        Path distribution = KeycloakDistribution.unpacked(distributionZip);
        importRealm(distribution);
        return Processes.startInBackground(command(distribution, ports), environment(java), log);
    }

    private List<String> command(Path distribution, Ports ports) {
        List<String> command = new ArrayList<>(List.of(
                distribution.resolve("bin").resolve(WINDOWS ? "kc.bat" : "kc.sh").toString(),
                // kc.sh runs Keycloak's JVM as its child and hands it SIGTERM; a -D argument goes to that JVM, and
                // marks the script's own process as the stack's (see Stack.isOurs).
                "-D" + ServiceProcess.COMPONENT_PROPERTY + "=keycloak",
                "start-dev",
                "--import-realm",
                // Loopback only: the browser and the services of this machine are its only clients.
                "--http-host=127.0.0.1",
                "--http-port=" + ports.keycloak(),
                "--http-management-port=" + ports.keycloakManagement(),
                "--health-enabled=true",
                // Every token names this issuer, whoever asked for it; the services check it.
                "--hostname=" + "http://localhost:" + ports.keycloak(),
                "--db-url=jdbc:h2:file:" + home.resolve("h2").resolve("keycloakdb").toAbsolutePath()
                        .toString().replace('\\', '/') + ";NON_KEYWORDS=VALUE"));
        return command;
    }

    private Map<String, String> environment(Path java) {
        return Map.of(
                "JAVA_HOME", JavaRuntimes.home(java).toString(),
                // Keycloak sizes its heap from the machine's memory otherwise (70% of it).
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                "JAVA_OPTS_APPEND", "-Dquarkus.transaction-manager.object-store.directory="
                        + home.resolve("transaction-logs").toAbsolutePath());
    }

    /** The realm to import, written where Keycloak looks for it at every start (it skips a realm it has). */
    private static void importRealm(Path distribution) {
        Path target = distribution.resolve("data").resolve("import").resolve("orderflow-realm.json");
        try (InputStream realm = KeycloakProcess.class.getResourceAsStream(REALM_RESOURCE)) {
            if (realm == null) {
                throw new IllegalStateException(REALM_RESOURCE + " is missing from the launcher");
            }
            Files.createDirectories(target.getParent());
            Files.copy(realm, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StackException("could not write the realm into " + target + ": " + e.getMessage(), e);
        }
    }
}
