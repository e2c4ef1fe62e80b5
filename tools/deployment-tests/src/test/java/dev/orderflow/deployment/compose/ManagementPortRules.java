package dev.orderflow.deployment.compose;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.orderflow.deployment.support.IdentityProvider;
import dev.orderflow.deployment.support.Maps;
import dev.orderflow.deployment.support.SpringService;

/**
 * The actuators stay inside: each service serves it on a management port (management.server.port) that only its
 * healthcheck and Prometheus ask, and that no port of the host leads to, whatever the profile.
 */
final class ManagementPortRules {

    /** host:port in a command, such as socat's TCP:order-service:8081. */
    private static final Pattern ADDRESS = Pattern.compile("([a-z][\\w-]*):(\\d+)\\b");

    private ManagementPortRules() {
    }

    /**
     * No published port leads to a management port: neither a service's own published port, nor a port a
     * forwarder (the debug profile's socat) publishes and sends on to another service.
     */
    static List<String> noManagementPortIsPublished(ComposeFile compose) {
        List<String> violations = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            List<?> ports = Maps.list(service.get("ports"));
            if (ports.isEmpty()) {
                return;
            }
            ports.stream().flatMap(ManagementPortRules::containerPorts)
                    .filter(port -> isManagementPort(compose, name, port))
                    .forEach(port -> violations.add(name + ": publishes its management port " + port));
            Matcher forwarded = ADDRESS.matcher(commandText(service));
            while (forwarded.find()) {
                String target = forwarded.group(1);
                int port = Integer.parseInt(forwarded.group(2));
                if (compose.services().containsKey(target) && isManagementPort(compose, target, port)) {
                    violations.add(name + ": publishes a port forwarded to the management port " + port + " of "
                            + target);
                }
            }
        });
        return violations;
    }

    /** Each service's healthcheck asks its readiness group on its management port, not the image's main-port check. */
    static List<String> springHealthchecksAskTheManagementPort(ComposeFile compose) {
        List<String> violations = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            String module = ComposeFile.builtModule(service);
            if (module == null || !SpringService.exists(module)) {
                return;
            }
            int managementPort = SpringService.named(module).managementPort();
            String test = Maps.list(Maps.mapAt(service, "healthcheck").get("test")).stream().map(String::valueOf)
                    .collect(Collectors.joining(" "));
            if (!test.contains("/actuator/health/readiness")
                    || !Pattern.compile("\\b" + managementPort + "\\b").matcher(test).find()) {
                violations.add(name + ": its healthcheck does not ask /actuator/health/readiness on its management port "
                        + managementPort + ": " + test);
            }
        });
        return violations;
    }

    /** deploy/observability/prometheus.yml scrapes every service, on its management port. */
    static List<String> prometheusScrapesTheManagementPorts(Map<String, Object> prometheus) {
        List<String> violations = new ArrayList<>();
        Set<String> scraped = new HashSet<>();
        for (Object job : Maps.list(prometheus.get("scrape_configs"))) {
            Map<String, Object> config = Maps.of(job);
            for (Object staticConfig : Maps.list(config.get("static_configs"))) {
                for (Object target : Maps.list(Maps.of(staticConfig).get("targets"))) {
                    String[] hostAndPort = String.valueOf(target).split(":");
                    if (!SpringService.exists(hostAndPort[0])) {
                        continue;
                    }
                    scraped.add(hostAndPort[0]);
                    int managementPort = SpringService.named(hostAndPort[0]).managementPort();
                    if (hostAndPort.length != 2 || Integer.parseInt(hostAndPort[1]) != managementPort) {
                        violations.add("prometheus.yml scrapes " + target + ", not the management port "
                                + managementPort);
                    }
                    if (!"/actuator/prometheus".equals(config.get("metrics_path"))) {
                        violations.add("prometheus.yml scrapes " + target + " at " + config.get("metrics_path"));
                    }
                }
            }
        }
        SpringService.names().stream().filter(service -> !scraped.contains(service))
                .forEach(service -> violations.add("prometheus.yml does not scrape " + service));
        return violations;
    }

    /** A Spring service's management port, or Keycloak's (the service running the Keycloak image). */
    private static boolean isManagementPort(ComposeFile compose, String serviceName, int port) {
        Map<String, Object> service = compose.services().get(serviceName);
        String module = ComposeFile.builtModule(service);
        if (module != null && SpringService.exists(module)) {
            return SpringService.named(module).managementPort() == port;
        }
        return String.valueOf(service.get("image")).startsWith(IdentityProvider.IMAGE_REPOSITORY + ":")
                && port == IdentityProvider.MANAGEMENT_PORT;
    }

    /** The container side of a published port: "[ip:][host:]container[/protocol]", a range, or the long form. */
    private static Stream<Integer> containerPorts(Object port) {
        String container = port instanceof Map<?, ?> map ? String.valueOf(map.get("target"))
                : String.valueOf(port).substring(String.valueOf(port).lastIndexOf(':') + 1);
        String[] range = container.replaceAll("/\\w+$", "").split("-");
        int first = Integer.parseInt(range[0]);
        int last = range.length > 1 ? Integer.parseInt(range[1]) : first;
        return Stream.iterate(first, next -> next <= last, next -> next + 1);
    }

    private static String commandText(Map<String, Object> service) {
        return Stream.of("entrypoint", "command").map(service::get)
                .flatMap(value -> value instanceof List<?> list ? list.stream() : Stream.ofNullable(value))
                .map(String::valueOf).collect(Collectors.joining(" "));
    }
}
