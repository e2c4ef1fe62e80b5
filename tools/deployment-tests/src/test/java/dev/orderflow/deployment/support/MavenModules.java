package dev.orderflow.deployment.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The reactor as the root pom declares it: module directories by artifactId, and what each depends on. */
public final class MavenModules {

    private static final String GROUP = "dev.orderflow";
    private static final Map<String, Path> DIRECTORIES = readModules();

    private MavenModules() {
    }

    /**
     * The services: Spring Boot applications at the top level of the clone (supporting modules such as tools/
     * and platform/ sit one level down, even when they use the Spring Boot plugin). Each has an image.
     */
    public static List<String> springBootApplications() {
        return DIRECTORIES.entrySet().stream()
                .filter(module -> module.getValue().getParent().equals(Repository.root()))
                .filter(module -> Repository.read(module.getValue().resolve("pom.xml"))
                        .contains("<artifactId>spring-boot-maven-plugin</artifactId>"))
                .map(Map.Entry::getKey)
                .toList();
    }

    public static Path directory(String artifactId) {
        Path dir = DIRECTORIES.get(artifactId);
        if (dir == null) {
            throw new IllegalArgumentException("no module " + artifactId + " in the root pom");
        }
        return dir;
    }

    /** The module and every project module it needs at run time (compile and runtime scopes), transitively. */
    public static Set<String> runtimeClosure(String artifactId) {
        Set<String> closure = new LinkedHashSet<>();
        List<String> pending = new ArrayList<>(List.of(artifactId));
        while (!pending.isEmpty()) {
            String next = pending.removeLast();
            if (closure.add(next)) {
                pending.addAll(runtimeDependencies(next));
            }
        }
        return closure;
    }

    private static List<String> runtimeDependencies(String artifactId) {
        Element dependencies = child(pom(directory(artifactId)).getDocumentElement(), "dependencies");
        List<String> result = new ArrayList<>();
        if (dependencies == null) {
            return result;
        }
        for (Element dependency : children(dependencies, "dependency")) {
            String scope = text(dependency, "scope");
            if (GROUP.equals(text(dependency, "groupId")) && (scope == null || scope.equals("runtime")
                    || scope.equals("compile"))) {
                result.add(text(dependency, "artifactId"));
            }
        }
        return result;
    }

    private static Map<String, Path> readModules() {
        Map<String, Path> modules = new LinkedHashMap<>();
        Element root = pom(Repository.root()).getDocumentElement();
        for (Element module : children(child(root, "modules"), "module")) {
            Path dir = Repository.root().resolve(module.getTextContent().trim());
            String artifactId = text(pom(dir).getDocumentElement(), "artifactId");
            modules.put(artifactId, dir);
        }
        return modules;
    }

    private static Document pom(Path dir) {
        Path file = dir.resolve("pom.xml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no pom.xml in " + dir);
        }
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.getFirst();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        if (parent == null) {
            return result;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE && nodes.item(i).getNodeName().equals(name)) {
                result.add((Element) nodes.item(i));
            }
        }
        return result;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent().trim();
    }
}
