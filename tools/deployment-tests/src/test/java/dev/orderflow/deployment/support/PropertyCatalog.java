package dev.orderflow.deployment.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The environment variables a service really reads, derived from what binds them (no list kept by hand):
 * <ul>
 *   <li>every key of its application*.yml, and every {@code ${NAME}} placeholder in them;</li>
 *   <li>every {@code @ConfigurationProperties} record or class and {@code @Value} placeholder in the sources of
 *       the service and the project modules it runs with ({@link ConfigurationPropertiesSources});</li>
 *   <li>Spring Boot's own configuration metadata (spring.profiles.active, logging.level.*...), without the
 *       properties it no longer binds (deprecated at level "error", such as management.otlp.tracing.export.enabled).</li>
 * </ul>
 * A variable is read when Spring's relaxed binding maps a known property to it: dots become underscores, dashes
 * disappear (or, the legacy form, become underscores), all upper case: {@code orderflow.saga.deadline-check-interval}
 * is set by {@code ORDERFLOW_SAGA_DEADLINECHECKINTERVAL} or {@code ORDERFLOW_SAGA_DEADLINE_CHECK_INTERVAL}.
 */
public final class PropertyCatalog {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)");
    private static final Set<String> BOOT_METADATA = bootMetadata();

    private final Set<String> properties;
    private final Set<String> mapPrefixes;
    private final Set<String> placeholders;

    private PropertyCatalog(Set<String> properties, Set<String> mapPrefixes, Set<String> placeholders) {
        this.properties = properties;
        this.mapPrefixes = mapPrefixes;
        this.placeholders = placeholders;
    }

    static PropertyCatalog of(String service) {
        Set<String> properties = new HashSet<>();
        Set<String> mapPrefixes = new HashSet<>();
        Set<String> placeholders = new HashSet<>();
        for (String module : MavenModules.runtimeClosure(service)) {
            Path resources = MavenModules.directory(module).resolve("src/main/resources");
            // Every document, profile sections included: a variable may be meant for a profile.
            for (Path yml : applicationFiles(resources)) {
                YamlDocuments.coreMappings(yml).forEach(document -> SpringService.flatten(document)
                        .forEach((key, value) -> {
                            properties.add(key.replaceAll("\\[\\d+]", ""));
                            collectPlaceholders(String.valueOf(value), placeholders);
                        }));
            }
            ConfigurationPropertiesSources sources =
                    ConfigurationPropertiesSources.scan(MavenModules.directory(module).resolve("src/main/java"));
            properties.addAll(sources.properties());
            mapPrefixes.addAll(sources.mapPrefixes());
            sources.valuePlaceholders().forEach(value -> collectPlaceholders(value, placeholders));
        }
        BOOT_METADATA.forEach(entry -> {
            if (entry.endsWith(".*")) {
                mapPrefixes.add(entry.substring(0, entry.length() - 2));
            } else {
                properties.add(entry);
            }
        });
        return new PropertyCatalog(properties, mapPrefixes, placeholders);
    }

    /** Whether the service reads this environment variable, as a placeholder or by relaxed binding. */
    public boolean reads(String environmentVariable) {
        if (placeholders.contains(environmentVariable)) {
            return true;
        }
        if (Stream.concat(placeholders.stream(), properties.stream())
                .flatMap(PropertyCatalog::environmentNames).anyMatch(environmentVariable::equals)) {
            return true;
        }
        return mapPrefixes.stream().flatMap(PropertyCatalog::environmentNames)
                .anyMatch(prefix -> environmentVariable.startsWith(prefix + "_"));
    }

    /** Spring's SystemEnvironmentPropertyMapper in reverse: the variables that set a property. */
    static Stream<String> environmentNames(String property) {
        String indexed = property.replace('.', '_').replace("[", "_").replace("]", "").toUpperCase(Locale.ROOT);
        return Stream.of(indexed.replace("-", ""), indexed.replace('-', '_')).distinct();
    }

    private static void collectPlaceholders(String value, Set<String> placeholders) {
        Matcher matcher = PLACEHOLDER.matcher(value);
        while (matcher.find()) {
            placeholders.add(matcher.group(1).trim());
        }
    }

    private static List<Path> applicationFiles(Path resources) {
        if (!Files.isDirectory(resources)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(resources)) {
            return files.filter(file -> file.getFileName().toString().matches("application(-[\\w-]+)?\\.ya?ml"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Property names in spring-configuration-metadata.json on the test classpath; maps end with ".*". */
    private static Set<String> bootMetadata() {
        Set<String> names = new HashSet<>();
        JsonMapper json = JsonMapper.builder().build();
        try {
            for (URL url : Collections.list(PropertyCatalog.class.getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream in = url.openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        // A property deprecated at level "error" is no longer bound: setting it changes nothing.
                        if (property.path("deprecation").path("level").asString("").equals("error")) {
                            continue;
                        }
                        String name = property.path("name").asString();
                        names.add(property.path("type").asString("").startsWith("java.util.Map") ? name + ".*" : name);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("no Spring Boot configuration metadata on the test classpath");
        }
        return names;
    }
}
