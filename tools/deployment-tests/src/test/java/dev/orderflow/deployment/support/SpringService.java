package dev.orderflow.deployment.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spring Boot service as its own application.yml configures it: what the deployment files must agree with
 * (port, shutdown timeout, health groups) and which environment variables it reads ({@link PropertyCatalog}).
 */
public final class SpringService {

    private static final Map<String, SpringService> CACHE = new ConcurrentHashMap<>();
    private static final Pattern PLACEHOLDER_DEFAULT = Pattern.compile("^\\$\\{[^:}]+:([^}]*)}$");
    private static final Pattern SIMPLE_DURATION = Pattern.compile("^(\\d+)(ms|s|m|h)?$");

    private final String name;
    private final Map<String, Object> properties;
    private final PropertyCatalog catalog;

    private SpringService(String name) {
        this.name = name;
        Path yml = MavenModules.directory(name).resolve("src/main/resources/application.yml");
        this.properties = Files.isRegularFile(yml) ? defaultProfile(yml) : Map.of();
        this.catalog = PropertyCatalog.of(name);
    }

    public static SpringService named(String name) {
        return CACHE.computeIfAbsent(name, SpringService::new);
    }

    public static List<String> names() {
        return MavenModules.springBootApplications();
    }

    public static boolean exists(String name) {
        return names().contains(name);
    }

    public String name() {
        return name;
    }

    public PropertyCatalog catalog() {
        return catalog;
    }

    /** A property of application.yml, with a {@code ${VAR:default}} placeholder resolved to its default. */
    public String property(String key) {
        Object value = properties.get(key);
        if (value == null) {
            return null;
        }
        Matcher placeholder = PLACEHOLDER_DEFAULT.matcher(String.valueOf(value));
        return placeholder.matches() ? placeholder.group(1) : String.valueOf(value);
    }

    public int port() {
        String port = property("server.port");
        return port == null ? 8080 : Integer.parseInt(port);
    }

    /**
     * The port of the actuator: management.server.port, else the main port, where Spring Boot serves it when no
     * port of its own is set (and where it would then be published or routed with the API).
     */
    public int managementPort() {
        String port = property("management.server.port");
        return port == null ? port() : Integer.parseInt(port);
    }

    /** How long each phase of Spring's graceful shutdown may take (Boot's default: 30 s). */
    public Duration shutdownPhaseTimeout() {
        String value = property("spring.lifecycle.timeout-per-shutdown-phase");
        return value == null ? Duration.ofSeconds(30) : duration(value);
    }

    public boolean healthProbesEnabled() {
        return "true".equals(property("management.endpoint.health.probes.enabled"));
    }

    /** The health contributors of a probe group; Boot's default groups hold only the probe's state. */
    public List<String> healthGroupMembers(String group) {
        Object include = properties.get("management.endpoint.health.group." + group + ".include");
        if (include == null) {
            return List.of(group + "State");
        }
        return Arrays.stream(String.valueOf(include).replaceAll("[\\[\\]]", "").split(","))
                .map(String::trim)
                .filter(member -> !member.isEmpty())
                .toList();
    }

    /** The documents of application.yml that apply without a profile, later ones overriding earlier ones. */
    private static Map<String, Object> defaultProfile(Path yml) {
        Map<String, Object> merged = new LinkedHashMap<>();
        YamlDocuments.coreMappings(yml).stream().map(SpringService::flatten)
                .filter(document -> !document.containsKey("spring.config.activate.on-profile"))
                .forEach(merged::putAll);
        return merged;
    }

    static Duration duration(String value) {
        Matcher matcher = SIMPLE_DURATION.matcher(value.trim());
        if (!matcher.matches()) {
            return Duration.parse(value.trim().startsWith("P") ? value.trim() : "PT" + value.trim());
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2) == null ? "ms" : matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofMillis(amount);
        };
    }

    /** Dotted keys as Spring names them; list elements become {@code key[i]}, a list of scalars also {@code key}. */
    static Map<String, Object> flatten(Map<String, Object> tree) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", tree, flat);
        return flat;
    }

    private static void flatten(String prefix, Object value, Map<String, Object> flat) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, child,
                    flat));
        } else if (value instanceof List<?> list) {
            flat.put(prefix, list);
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), flat);
            }
        } else {
            flat.put(prefix, value);
        }
    }

    Map<String, Object> properties() {
        return properties;
    }
}
