package dev.orderflow.deployment.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.SecretBuilder;

import dev.orderflow.deployment.support.IdentityProvider;
import dev.orderflow.deployment.support.Maps;
import dev.orderflow.deployment.support.Repository;
import dev.orderflow.deployment.support.YamlDocuments;

/**
 * k8s/ holds together without kustomize: every kustomization names files that exist and resources that parse
 * strictly, every patch has something to patch, credentials are never committed outside dev.
 */
class KustomizationsTest {

    static Stream<Path> kustomizations() {
        try (Stream<Path> files = Files.walk(Repository.file("k8s"))) {
            return files.filter(file -> file.getFileName().toString().equals("kustomization.yaml"))
                    .map(Path::getParent).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Path> overlays() {
        return kustomizations().filter(dir -> dir.getParent().getFileName().toString().equals("overlays"));
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void usesOnlyKnownFields(Path directory) {
        assertThat(Kustomization.in(directory).fields().keySet()).isSubsetOf(Kustomization.KNOWN_FIELDS);
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void namesOnlyFilesThatExist(Path directory) {
        Kustomization kustomization = Kustomization.in(directory);
        List<Path> missing = new ArrayList<>();
        Stream.concat(kustomization.resources().stream(), kustomization.components().stream())
                .filter(path -> !Files.exists(path)).forEach(missing::add);
        kustomization.namedFiles().stream()
                .filter(file -> !Files.isRegularFile(file) && !isUncommittedCredentials(file))
                .forEach(missing::add);
        assertThat(missing).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void resourceAndPatchFilesParseStrictly(Path directory) {
        Kustomization kustomization = Kustomization.in(directory);
        kustomization.resources().stream().filter(Files::isRegularFile)
                .forEach(file -> StrictKubernetesModel.parse(YamlDocuments.kubernetes(file)));
        kustomization.patches().stream().filter(patch -> patch.file() != null)
                .forEach(patch -> StrictKubernetesModel.parse(YamlDocuments.kubernetes(patch.file())));
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyPatchTargetsAnExistingResource(Path directory) {
        Kustomization kustomization = Kustomization.in(directory);
        List<HasMetadata> reachable = reachableResources(kustomization);
        List<String> unmatched = kustomization.patches().stream()
                .filter(patch -> reachable.stream().noneMatch(resource ->
                        (patch.kind() == null || patch.kind().equals(resource.getKind()))
                                && patch.namePattern().matcher(resource.getMetadata().getName()).matches()))
                .map(patch -> patch.kind() + " " + patch.namePattern())
                .toList();
        assertThat(unmatched).as("patch targets matching no resource").isEmpty();
    }

    /** A merging generator only overrides what the base generates: no setting appears in one environment only. */
    @ParameterizedTest
    @MethodSource("kustomizations")
    void generatorsMergeOnlyIntoKeysTheBaseDefines(Path directory) {
        Kustomization base = Kustomization.in(Repository.file("k8s/base"));
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> generator : Kustomization.in(directory).configMapGenerators()) {
            if (!"merge".equals(generator.get("behavior"))) {
                continue;
            }
            Map<String, String> baseLiterals = base.configMapGenerators().stream()
                    .filter(candidate -> candidate.get("name").equals(generator.get("name")))
                    .findFirst().map(Kustomization::literals).orElse(Map.of());
            Kustomization.literals(generator).keySet().stream().filter(key -> !baseLiterals.containsKey(key))
                    .forEach(key -> violations.add(generator.get("name") + "/" + key));
        }
        assertThat(violations).as("keys the base does not generate").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void createsItsRestrictedNamespace(Path overlay) {
        Kustomization kustomization = Kustomization.in(overlay);
        List<Namespace> namespaces = kustomization.resources().stream().filter(Files::isRegularFile)
                .flatMap(file -> StrictKubernetesModel.parse(YamlDocuments.kubernetes(file)).stream())
                .filter(Namespace.class::isInstance).map(Namespace.class::cast).toList();
        assertThat(namespaces).singleElement().satisfies(namespace -> {
            assertThat(namespace.getMetadata().getName()).isEqualTo(kustomization.fields().get("namespace"));
            assertThat(namespace.getMetadata().getLabels())
                    .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void keepsCredentialsOutOfGitExceptForDev(Path overlay) {
        for (Map<String, Object> generator : Kustomization.in(overlay).secretGenerators()) {
            for (Object envs : Maps.list(generator.get("envs"))) {
                Path file = overlay.resolve(String.valueOf(envs));
                assertThat(isUncommittedCredentials(file)).as("%s is ignored by git and has an example", file).isTrue();
            }
        }
    }

    @Test
    void theDatabaseInitScriptIsTheOneOfPlatformDatabase() {
        assertThat(Repository.read("k8s/base/postgres/10-service-schemas.sql"))
                .as("k8s/base/postgres/10-service-schemas.sql is a copy kustomize can read")
                .isEqualTo(Repository.read("platform/database/service-schemas.sql"));
    }

    @Test
    void theRealmKeycloakImportsIsTheOneOfPlatformIdentity() {
        assertThat(Repository.read("k8s/base/keycloak/orderflow-realm.json"))
                .as("k8s/base/keycloak/orderflow-realm.json is a copy kustomize can read")
                .isEqualTo(IdentityProvider.realmText());
    }

    @Test
    @EnabledIf("dev.orderflow.deployment.kubernetes.KustomizeRendering#kubectlAvailable")
    void everyOverlayRendersWithKubectlAndParsesStrictly() {
        assertThat(ManifestSet.underTest().map(ManifestSet::name))
                .containsExactly("overlays/dev", "overlays/prod", "overlays/staging", "overlays/prod+external-datastores");
    }

    /** An env file that git ignores (secrets/.gitignore: *.env) and whose committed example shows its keys. */
    private static boolean isUncommittedCredentials(Path file) {
        Path ignore = file.resolveSibling(".gitignore");
        return file.toString().endsWith(".env") && Files.isRegularFile(ignore)
                && Repository.read(ignore).lines().anyMatch("*.env"::equals)
                && Files.isRegularFile(file.resolveSibling(file.getFileName() + ".example"));
    }

    /** What a kustomization's patches can see: its own resources, its bases' and its components'. */
    private static List<HasMetadata> reachableResources(Kustomization kustomization) {
        List<HasMetadata> resources = new ArrayList<>();
        List<Path> pending = new ArrayList<>(List.of(kustomization.directory()));
        if (kustomization.isComponent()) {
            overlays().filter(overlay -> Repository.read(overlay.resolve("kustomization.yaml"))
                    .contains(kustomization.directory().getFileName().toString())).forEach(pending::add);
        }
        while (!pending.isEmpty()) {
            Kustomization next = Kustomization.in(pending.removeLast());
            next.configMapGenerators().forEach(generator -> resources.add(new ConfigMapBuilder().withNewMetadata()
                    .withName(String.valueOf(generator.get("name"))).endMetadata().build()));
            next.secretGenerators().forEach(generator -> resources.add(new SecretBuilder().withNewMetadata()
                    .withName(String.valueOf(generator.get("name"))).endMetadata().build()));
            for (Path path : Stream.concat(next.resources().stream(), next.components().stream()).toList()) {
                if (Files.isDirectory(path)) {
                    pending.add(path);
                } else if (Files.isRegularFile(path)) {
                    resources.addAll(StrictKubernetesModel.parse(YamlDocuments.kubernetes(path)));
                }
            }
        }
        return resources;
    }
}
