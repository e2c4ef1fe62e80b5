package dev.orderflow.deployment.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML read the way the tool that consumes it reads it, and strictly: a duplicated key is an error everywhere
 * (the consumers keep one of the two silently).
 * <ul>
 *   <li>{@link #kubernetes} YAML 1.1 scalars, like kubectl's parser: an unquoted {@code yes} is a boolean.</li>
 *   <li>{@link #core} YAML 1.2 core scalars, like docker compose and GitHub Actions: {@code on} is a string,
 *       {@code 8080:8080} is not a sexagesimal number.</li>
 * </ul>
 */
public final class YamlDocuments {

    private YamlDocuments() {
    }

    public static List<Object> kubernetes(String text) {
        return load(text, new Resolver());
    }

    public static List<Object> kubernetes(Path file) {
        return kubernetes(Repository.read(file));
    }

    public static List<Object> core(String text) {
        return load(text, new CoreSchemaResolver());
    }

    /** Every document of a multi-document file (such as an application.yml with profile sections) as a mapping. */
    public static List<Map<String, Object>> coreMappings(Path file) {
        List<Object> documents = core(Repository.read(file));
        if (!documents.stream().allMatch(document -> document instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(file + " holds a YAML document that is not a mapping");
        }
        return documents.stream().map(Maps::of).toList();
    }

    public static Map<String, Object> coreMapping(Path file) {
        List<Object> documents = core(Repository.read(file));
        if (documents.size() != 1 || !(documents.getFirst() instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(file + " is not a single YAML mapping");
        }
        return Maps.of(documents.getFirst());
    }

    private static List<Object> load(String text, Resolver resolver) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        DumperOptions dumperOptions = new DumperOptions();
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumperOptions), dumperOptions, options,
                resolver);
        List<Object> documents = new ArrayList<>();
        yaml.loadAll(text).forEach(documents::add);
        return documents.stream().filter(Objects::nonNull).toList();
    }

    /** The YAML 1.2 core schema: only true/false are booleans, integers are decimal, octal 0o or hex 0x. */
    private static final class CoreSchemaResolver extends Resolver {

        private static final Pattern CORE_BOOL = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
        private static final Pattern CORE_INT = Pattern.compile("^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$");
        private static final Pattern CORE_FLOAT = Pattern.compile(
                "^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
        private static final Pattern CORE_NULL = Pattern.compile("^(?:~|null|Null|NULL)$");

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, CORE_BOOL, "tTfF");
            addImplicitResolver(Tag.INT, CORE_INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, CORE_FLOAT, "-+.0123456789");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, CORE_NULL, "~nN");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
