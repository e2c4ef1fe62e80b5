package dev.orderflow.deployment.compose;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.orderflow.deployment.support.JvmEnvironment;
import dev.orderflow.deployment.support.Maps;
import dev.orderflow.deployment.support.SpringService;

/** What docker-compose.yml must keep beyond its schema; each rule returns what breaks it. */
final class ComposeRules {

    static final String GATEWAY = "api-gateway";
    /** Browsers and curl log in and get tokens there, so it is published too (its main port only). */
    static final String IDENTITY_PROVIDER = IdentityProviderRules.KEYCLOAK;

    private ComposeRules() {
    }

    static List<String> dependenciesExistAndWaitForHealth(ComposeFile compose) {
        List<String> violations = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            Object dependsOn = service.get("depends_on");
            if (dependsOn instanceof List<?>) {
                violations.add(name + ": depends_on as a list only waits for the start, not for health");
                return;
            }
            Maps.of(dependsOn).forEach((target, condition) -> {
                if (!compose.services().containsKey(target)) {
                    violations.add(name + ": depends on " + target + ", which is not a service");
                }
                String wanted = Maps.string(Maps.of(condition).get("condition"));
                if (!Set.of("service_healthy", "service_completed_successfully").contains(wanted)) {
                    violations.add(name + ": waits for " + target + " with condition " + wanted
                            + " instead of service_healthy");
                }
            });
        });
        return violations;
    }

    static List<String> everyServiceHasAHealthcheck(ComposeFile compose) {
        List<String> violations = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            Map<String, Object> healthcheck = Maps.of(service.get("healthcheck"));
            if (healthcheck.isEmpty() || Boolean.TRUE.equals(healthcheck.get("disable"))
                    || Maps.list(healthcheck.get("test")).isEmpty()
                    || "NONE".equals(Maps.list(healthcheck.get("test")).getFirst())) {
                violations.add(name + ": no healthcheck");
            }
        });
        return violations;
    }

    /**
     * Only the gateway and the identity provider are published by `docker compose up`; profiles may add
     * loopback-only ports. Which ports they publish is {@link ManagementPortRules}' concern.
     */
    static List<String> onlyTheGatewayAndTheIdentityProviderPublishPorts(ComposeFile compose) {
        List<String> violations = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            List<?> ports = Maps.list(service.get("ports"));
            if (ports.isEmpty() || name.equals(GATEWAY) || name.equals(IDENTITY_PROVIDER)) {
                return;
            }
            if (ComposeFile.inDefaultProfile(service)) {
                violations.add(name + ": publishes " + ports + " without a profile; only the gateway and "
                        + IDENTITY_PROVIDER + " may");
            } else {
                ports.stream().map(String::valueOf).filter(port -> !port.startsWith("127.0.0.1:"))
                        .forEach(port -> violations.add(name + ": debug port " + port + " is not bound to 127.0.0.1"));
            }
        });
        if (Maps.list(compose.services().getOrDefault(GATEWAY, Map.of()).get("ports")).isEmpty()) {
            violations.add(GATEWAY + ": publishes no port");
        }
        return violations;
    }

    static List<String> imagesArePinned(ComposeFile compose) {
        List<String> violations = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            String image = Maps.string(service.get("image"));
            if (image == null) {
                violations.add(name + ": no image name (a built image would be tagged latest)");
                return;
            }
            String lastSegment = image.substring(image.lastIndexOf('/') + 1);
            if (!image.contains("@") && (!lastSegment.contains(":") || image.endsWith(":latest"))) {
                violations.add(name + ": image " + image + " is not pinned to a version");
            }
        });
        return violations;
    }

    /** Each Spring service builds from the one Dockerfile, under its module's name, on the port it listens on. */
    static List<String> springServicesBuildFromTheirModule(ComposeFile compose) {
        List<String> violations = new ArrayList<>();
        for (String module : SpringService.names()) {
            Map<String, Object> service = compose.services().get(module);
            if (service == null) {
                violations.add(module + ": not in docker-compose.yml");
                continue;
            }
            Map<String, Object> build = Maps.of(service.get("build"));
            if (!".".equals(build.get("context")) || build.containsKey("dockerfile")) {
                violations.add(module + ": not built from the root Dockerfile with the clone as context");
            }
            if (!module.equals(ComposeFile.builtModule(service))) {
                violations.add(module + ": build arg SERVICE is " + ComposeFile.builtModule(service));
            }
            String port = Maps.string(Maps.at(service, "build.args.SERVER_PORT"));
            if (!String.valueOf(SpringService.named(module).port()).equals(port)) {
                violations.add(module + ": build arg SERVER_PORT " + port + " but its application.yml listens on "
                        + SpringService.named(module).port());
            }
        }
        return violations;
    }

    static List<String> everyVariableIsOneTheServiceReads(ComposeFile compose) {
        List<String> violations = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            String module = ComposeFile.builtModule(service);
            if (module == null || !SpringService.exists(module)) {
                return;
            }
            ComposeFile.environment(service).keySet().stream()
                    .filter(variable -> !SpringService.named(module).catalog().reads(variable))
                    .filter(variable -> !JvmEnvironment.isJvmVariable(variable))
                    .forEach(variable -> violations.add(name + ": " + variable + " maps to no property " + module
                            + " reads"));
        });
        return violations;
    }

    /** Kafka in KRaft mode with a valid cluster id, and the services agreeing on the topics' partitions. */
    static List<String> kafkaRunsKraftAndTopicsFitTheConsumers(ComposeFile compose) {
        List<String> violations = new ArrayList<>();
        Map<String, Object> kafka = compose.services().getOrDefault("kafka", Map.of());
        Map<String, String> broker = ComposeFile.environment(kafka);
        if (!String.valueOf(kafka.get("image")).startsWith("apache/kafka:")) {
            violations.add("kafka: not the official apache/kafka image");
        }
        if (!String.valueOf(broker.get("KAFKA_PROCESS_ROLES")).contains("controller")) {
            violations.add("kafka: not in KRaft mode (KAFKA_PROCESS_ROLES without controller)");
        }
        try {
            if (Base64.getUrlDecoder().decode(String.valueOf(broker.get("CLUSTER_ID"))).length != 16) {
                violations.add("kafka: CLUSTER_ID is not 16 bytes of base64url (kafka-storage.sh random-uuid)");
            }
        } catch (IllegalArgumentException e) {
            violations.add("kafka: CLUSTER_ID is not base64url: " + broker.get("CLUSTER_ID"));
        }
        List<String> partitions = compose.services().values().stream()
                .map(ComposeFile::environment)
                .filter(environment -> environment.containsKey("SPRING_KAFKA_BOOTSTRAP_SERVERS"))
                .map(environment -> environment.get("ORDERFLOW_MESSAGING_PARTITIONS"))
                .distinct().toList();
        if (partitions.size() != 1 || partitions.getFirst() == null) {
            violations.add("the Kafka clients do not all set the same ORDERFLOW_MESSAGING_PARTITIONS: " + partitions);
        }
        compose.services().forEach((name, service) -> {
            Map<String, String> environment = ComposeFile.environment(service);
            if (environment.containsKey("ORDERFLOW_MESSAGING_PARTITIONS")
                    && Integer.parseInt(environment.get("ORDERFLOW_MESSAGING_PARTITIONS"))
                    < Integer.parseInt(environment.getOrDefault("ORDERFLOW_MESSAGING_CONSUMER_CONCURRENCY", "3"))) {
                violations.add(name + ": fewer partitions than consumer threads");
            }
        });
        return violations;
    }

    /**
     * PostgreSQL creates the schemas and roles of platform/database on first start and gives each role the same
     * password its service logs in with.
     */
    static List<String> postgresCreatesTheServiceRoles(ComposeFile compose) {
        List<String> violations = new ArrayList<>();
        Map<String, Object> postgres = compose.services().getOrDefault("postgres", Map.of());
        List<String> volumes = Maps.list(postgres.get("volumes")).stream().map(String::valueOf).toList();
        for (String script : List.of("./platform/database/service-schemas.sql:/docker-entrypoint-initdb.d/",
                "./k8s/base/postgres/20-service-role-passwords.sh:/docker-entrypoint-initdb.d/")) {
            if (volumes.stream().noneMatch(volume -> volume.startsWith(script))) {
                violations.add("postgres: does not run " + script.substring(0, script.indexOf(':')) + " at init");
            }
        }
        Map<String, String> database = ComposeFile.environment(postgres);
        for (String service : List.of("order-service", "delivery-service")) {
            String rolePassword = database.get(service.replace('-', '_').toUpperCase() + "_DB_PASSWORD");
            String login = ComposeFile.environment(compose.services().getOrDefault(service, Map.of()))
                    .get("SPRING_DATASOURCE_PASSWORD");
            if (rolePassword == null || !Objects.equals(rolePassword, login)) {
                violations.add(service + ": logs in with " + login + " but its role gets " + rolePassword);
            }
        }
        return violations;
    }

    /** Data survives `docker compose down`: the data stores keep their files in named volumes. */
    static List<String> dataStoresUseNamedVolumes(ComposeFile compose) {
        List<String> violations = new ArrayList<>();
        Map<String, Object> declared = Maps.of(compose.root().get("volumes"));
        Map<String, String> dataDirectories = Map.of("postgres", "/var/lib/postgresql/data",
                "kafka", "/var/lib/kafka/data");
        dataDirectories.forEach((service, directory) -> {
            boolean named = Maps.list(compose.services().getOrDefault(service, Map.of()).get("volumes")).stream()
                    .map(String::valueOf)
                    .anyMatch(volume -> volume.endsWith(":" + directory)
                            && declared.containsKey(volume.substring(0, volume.indexOf(':'))));
            if (!named) {
                violations.add(service + ": " + directory + " is not on a named volume");
            }
        });
        return violations;
    }
}
