package dev.orderflow.deployment.kubernetes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.orderflow.deployment.support.Maps;
import dev.orderflow.deployment.support.YamlDocuments;

/** One kustomization.yaml (or Component) of k8s/, read without kustomize: what it names and generates. */
record Kustomization(Path directory, Map<String, Object> fields) {

    /** The fields orderflow's kustomizations may use; anything else is a typo kustomize would reject. */
    static final Set<String> KNOWN_FIELDS = Set.of("apiVersion", "kind", "namespace", "labels", "resources",
            "components", "configMapGenerator", "secretGenerator", "patches", "images", "replicas");

    static Kustomization in(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        List<Object> documents = YamlDocuments.kubernetes(file);
        if (documents.size() != 1) {
            throw new IllegalArgumentException(file + " must hold one document");
        }
        return new Kustomization(directory, Maps.of(documents.getFirst()));
    }

    boolean isComponent() {
        return "Component".equals(fields.get("kind"));
    }

    List<Path> resources() {
        return paths("resources");
    }

    List<Path> components() {
        return paths("components");
    }

    /** Every file it reads: resource files, patch files, generator files and env files. */
    List<Path> namedFiles() {
        List<Path> files = new ArrayList<>(resources().stream().filter(path -> !Files.isDirectory(path)).toList());
        patches().stream().map(Patch::file).filter(file -> file != null).forEach(files::add);
        for (Map<String, Object> generator : generators()) {
            for (String key : List.of("files", "envs")) {
                Maps.list(generator.get(key)).forEach(entry -> files.add(directory.resolve(fileOf(entry))));
            }
        }
        return files;
    }

    List<Map<String, Object>> generators() {
        List<Map<String, Object>> generators = new ArrayList<>();
        for (String kind : List.of("configMapGenerator", "secretGenerator")) {
            Maps.list(fields.get(kind)).forEach(generator -> generators.add(Maps.of(generator)));
        }
        return generators;
    }

    List<Map<String, Object>> configMapGenerators() {
        return Maps.list(fields.get("configMapGenerator")).stream().map(Maps::of).toList();
    }

    List<Map<String, Object>> secretGenerators() {
        return Maps.list(fields.get("secretGenerator")).stream().map(Maps::of).toList();
    }

    /** KEY=VALUE literals of a generator, in order. */
    static Map<String, String> literals(Map<String, Object> generator) {
        Map<String, String> literals = new LinkedHashMap<>();
        for (Object literal : Maps.list(generator.get("literals"))) {
            String text = String.valueOf(literal);
            int equals = text.indexOf('=');
            literals.put(text.substring(0, equals), text.substring(equals + 1));
        }
        return literals;
    }

    List<Patch> patches() {
        List<Patch> patches = new ArrayList<>();
        for (Object entry : Maps.list(fields.get("patches"))) {
            Map<String, Object> patch = Maps.of(entry);
            Object path = patch.get("path");
            patches.add(new Patch(path == null ? null : directory.resolve(String.valueOf(path)),
                    Maps.string(patch.get("patch")), Maps.of(patch.get("target"))));
        }
        return patches;
    }

    private List<Path> paths(String field) {
        return Maps.list(fields.get(field)).stream().map(entry -> directory.resolve(String.valueOf(entry)).normalize())
                .toList();
    }

    private static String fileOf(Object generatorEntry) {
        String text = String.valueOf(generatorEntry);
        int equals = text.indexOf('=');
        return equals < 0 ? text : text.substring(equals + 1);
    }

    /** A patch: a file or inline text, applied to its target or, without one, to the resource it names. */
    record Patch(Path file, String inline, Map<String, Object> target) {

        String kind() {
            return Maps.string(target.get("kind"));
        }

        /** Kustomize reads a target name as a regular expression anchored at both ends. */
        Pattern namePattern() {
            String name = Maps.string(target.get("name"));
            return Pattern.compile(name == null ? ".*" : "^(?:" + name + ")$");
        }

        boolean isJsonPatch() {
            return inline != null && inline.stripLeading().startsWith("- op:");
        }
    }
}
