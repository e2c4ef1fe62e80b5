package dev.orderflow.deployment.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;

/**
 * The properties a module's code binds, read from its sources with the JDK's own parser (no compiled classes
 * needed, so the check runs on a fresh clone): {@code @ConfigurationProperties("prefix")} records and classes,
 * their nested record and class types as sub-prefixes, Map-typed members as open prefixes, and the
 * placeholders of {@code @Value}. Without the configuration processor in the build, this is the metadata.
 */
final class ConfigurationPropertiesSources {

    private final Set<String> properties = new HashSet<>();
    private final Set<String> mapPrefixes = new HashSet<>();
    private final List<String> valuePlaceholders = new ArrayList<>();
    private final Map<String, ClassTree> types = new HashMap<>();

    private ConfigurationPropertiesSources() {
    }

    static ConfigurationPropertiesSources scan(Path sourceRoot) {
        ConfigurationPropertiesSources sources = new ConfigurationPropertiesSources();
        if (Files.isDirectory(sourceRoot)) {
            List<CompilationUnitTree> units = parse(sourceRoot);
            units.forEach(sources::indexTypes);
            units.forEach(sources::collect);
        }
        return sources;
    }

    Set<String> properties() {
        return properties;
    }

    Set<String> mapPrefixes() {
        return mapPrefixes;
    }

    List<String> valuePlaceholders() {
        return valuePlaceholders;
    }

    private static List<CompilationUnitTree> parse(Path sourceRoot) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
             Stream<Path> walk = Files.walk(sourceRoot)) {
            List<Path> javaFiles = walk.filter(path -> path.toString().endsWith(".java")).toList();
            JavacTask task = (JavacTask) compiler.getTask(null, files, null, List.of("-proc:none"), null,
                    files.getJavaFileObjectsFromPaths(javaFiles));
            List<CompilationUnitTree> units = new ArrayList<>();
            task.parse().forEach(units::add);
            return units;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void indexTypes(CompilationUnitTree unit) {
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitClass(ClassTree type, Void unused) {
                types.put(type.getSimpleName().toString(), type);
                return super.visitClass(type, unused);
            }
        }.scan(unit, null);
    }

    private void collect(CompilationUnitTree unit) {
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitClass(ClassTree type, Void unused) {
                for (AnnotationTree annotation : type.getModifiers().getAnnotations()) {
                    if (simpleName(annotation.getAnnotationType()).equals("ConfigurationProperties")) {
                        bind(prefix(annotation), type, new HashSet<>());
                    }
                }
                return super.visitClass(type, unused);
            }

            @Override
            public Void visitAnnotation(AnnotationTree annotation, Void unused) {
                if (simpleName(annotation.getAnnotationType()).equals("Value")) {
                    annotation.getArguments().forEach(argument -> literal(argument).ifPresent(valuePlaceholders::add));
                }
                return super.visitAnnotation(annotation, unused);
            }
        }.scan(unit, null);
    }

    /** Instance fields of a class and the components of a record (a record has no other instance fields). */
    private void bind(String prefix, ClassTree type, Set<String> visiting) {
        if (!visiting.add(type.getSimpleName().toString())) {
            return;
        }
        for (Tree member : type.getMembers()) {
            if (member instanceof VariableTree field && !field.getModifiers().getFlags().contains(Modifier.STATIC)) {
                String property = prefix + "." + kebab(field.getName().toString());
                String typeName = rawTypeName(field.getType());
                ClassTree nested = types.get(typeName);
                if (typeName.endsWith("Map")) {
                    mapPrefixes.add(property);
                } else if (nested != null && nested.getKind() != Tree.Kind.ENUM) {
                    bind(property, nested, visiting);
                } else {
                    properties.add(property);
                }
            }
        }
        visiting.remove(type.getSimpleName().toString());
    }

    private static String prefix(AnnotationTree annotation) {
        for (ExpressionTree argument : annotation.getArguments()) {
            if (argument instanceof AssignmentTree assignment) {
                String name = assignment.getVariable().toString();
                if (name.equals("value") || name.equals("prefix")) {
                    return literal(assignment.getExpression()).orElseThrow();
                }
            } else {
                return literal(argument).orElseThrow();
            }
        }
        throw new IllegalStateException("@ConfigurationProperties without a prefix: " + annotation);
    }

    private static Optional<String> literal(ExpressionTree expression) {
        ExpressionTree value = expression instanceof AssignmentTree assignment ? assignment.getExpression() : expression;
        return value instanceof LiteralTree literal && literal.getValue() instanceof String text
                ? Optional.of(text) : Optional.empty();
    }

    private static String rawTypeName(Tree type) {
        Tree raw = type instanceof ParameterizedTypeTree parameterized ? parameterized.getType() : type;
        return simpleName(raw);
    }

    private static String simpleName(Tree tree) {
        return switch (tree) {
            case IdentifierTree identifier -> identifier.getName().toString();
            case MemberSelectTree select -> select.getIdentifier().toString();
            default -> tree.toString();
        };
    }

    /** Spring's canonical form of a Java name: serviceArea -> service-area. */
    static String kebab(String javaName) {
        return javaName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
