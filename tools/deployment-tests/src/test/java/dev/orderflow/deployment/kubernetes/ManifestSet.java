package dev.orderflow.deployment.kubernetes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

import dev.orderflow.deployment.support.Repository;
import dev.orderflow.deployment.support.YamlDocuments;

/**
 * The resources one deployment consists of, which the semantic checks run on: an overlay rendered by kubectl's
 * kustomize, or, without kubectl, the base with its generated ConfigMaps and the dev overlay's Secrets.
 */
record ManifestSet(String name, List<HasMetadata> resources) {

    @Override
    public String toString() {
        return name;
    }

    /** What the checks run on here: every overlay (and prod with managed data stores) when kubectl is there. */
    static Stream<ManifestSet> underTest() {
        if (!KustomizeRendering.kubectlAvailable()) {
            return Stream.of(base());
        }
        Stream<ManifestSet> overlays = KustomizeRendering.overlays().stream()
                .map(overlay -> rendered(overlay, KustomizeRendering.render(overlay)));
        return Stream.concat(overlays, Stream.of(rendered("overlays/prod+external-datastores",
                KustomizeRendering.renderWithComponent("overlays/prod", "external-datastores"))));
    }

    static ManifestSet rendered(String name, String yaml) {
        return new ManifestSet(name, StrictKubernetesModel.parse(YamlDocuments.kubernetes(yaml)));
    }

    /** The base as kustomize would see it, generators included, without a namespace. */
    static ManifestSet base() {
        Kustomization base = Kustomization.in(Repository.file("k8s/base"));
        List<HasMetadata> resources = new ArrayList<>();
        base.resources().forEach(file -> resources.addAll(StrictKubernetesModel.parse(YamlDocuments.kubernetes(file))));
        for (Map<String, Object> generator : base.configMapGenerators()) {
            Map<String, String> data = new LinkedHashMap<>(Kustomization.literals(generator));
            for (Object file : dev.orderflow.deployment.support.Maps.list(generator.get("files"))) {
                String path = String.valueOf(file);
                data.put(path.substring(path.lastIndexOf('/') + 1), Repository.read(base.directory().resolve(path)));
            }
            resources.add(new ConfigMapBuilder().withNewMetadata().withName(String.valueOf(generator.get("name")))
                    .endMetadata().withData(data).build());
        }
        for (Map<String, Object> generator : Kustomization.in(Repository.file("k8s/overlays/dev")).secretGenerators()) {
            resources.add(new SecretBuilder().withNewMetadata().withName(String.valueOf(generator.get("name")))
                    .endMetadata().withStringData(Kustomization.literals(generator)).build());
        }
        return new ManifestSet("base", resources);
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
        return all(kind).stream().filter(resource -> resource.getMetadata().getName().equals(name)).findFirst();
    }

    /** Every pod template, by the name of the workload that owns it. */
    Map<String, PodTemplateSpec> podTemplates() {
        Map<String, PodTemplateSpec> templates = new LinkedHashMap<>();
        all(Deployment.class).forEach(d -> templates.put(d.getMetadata().getName(), d.getSpec().getTemplate()));
        all(StatefulSet.class).forEach(s -> templates.put(s.getMetadata().getName(), s.getSpec().getTemplate()));
        return templates;
    }

    /**
     * The data of a ConfigMap or Secret referenced by the name written in the base: kustomize appends a hash
     * to generated names, and rewrites the references to match.
     */
    Optional<Map<String, String>> configData(String referencedName) {
        Optional<Map<String, String>> configMap = all(ConfigMap.class).stream()
                .filter(map -> map.getMetadata().getName().equals(referencedName))
                .findFirst().map(map -> map.getData() == null ? Map.of() : map.getData());
        if (configMap.isPresent()) {
            return configMap;
        }
        return all(Secret.class).stream().filter(secret -> secret.getMetadata().getName().equals(referencedName))
                .findFirst().map(ManifestSet::keysOf);
    }

    private static Map<String, String> keysOf(Secret secret) {
        Map<String, String> keys = new LinkedHashMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((key, value) -> keys.put(key, new String(
                    java.util.Base64.getDecoder().decode(value), java.nio.charset.StandardCharsets.UTF_8)));
        }
        if (secret.getStringData() != null) {
            keys.putAll(secret.getStringData());
        }
        return keys;
    }
}
