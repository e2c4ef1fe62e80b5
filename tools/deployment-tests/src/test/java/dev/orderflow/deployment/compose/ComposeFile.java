package dev.orderflow.deployment.compose;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.orderflow.deployment.support.Maps;
import dev.orderflow.deployment.support.Repository;
import dev.orderflow.deployment.support.YamlDocuments;

/** docker-compose.yml as compose reads it (YAML 1.2, anchors and merge keys resolved). */
record ComposeFile(Map<String, Object> root) {

    static ComposeFile load() {
        return parse(Repository.read("docker-compose.yml"));
    }

    static ComposeFile parse(String yaml) {
        List<Object> documents = YamlDocuments.core(yaml);
        return new ComposeFile(Maps.of(documents.getFirst()));
    }

    Map<String, Map<String, Object>> services() {
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        Maps.of(root.get("services")).forEach((name, service) -> services.put(name, Maps.of(service)));
        return services;
    }

    /** Services started by a plain `docker compose up` (no profile). */
    static boolean inDefaultProfile(Map<String, Object> service) {
        return Maps.list(service.get("profiles")).isEmpty();
    }

    /** The environment as a map, whichever of the two forms (map or KEY=VALUE list) the file uses. */
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object value = service.get("environment");
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, entry) -> environment.put(String.valueOf(key), entry == null ? null : String.valueOf(entry)));
        } else {
            for (Object entry : Maps.list(value)) {
                String text = String.valueOf(entry);
                int equals = text.indexOf('=');
                environment.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? null : text.substring(equals + 1));
            }
        }
        return environment;
    }

    /** The Maven module a service's image is built from (build arg SERVICE), or null for a pulled image. */
    static String builtModule(Map<String, Object> service) {
        return Maps.string(Maps.at(service, "build.args.SERVICE"));
    }
}
