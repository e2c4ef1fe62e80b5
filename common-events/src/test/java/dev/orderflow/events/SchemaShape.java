package dev.orderflow.events;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/**
 * Compares an object schema with the record it describes, walking into nested records and lists of records
 * (following local {@code $ref}s): every component must be a property, every property a component, and
 * every required property a component.
 */
final class SchemaShape {

    private SchemaShape() {
    }

    static List<String> mismatches(JsonNode schema, Class<?> record) {
        return mismatches(schema, schema, record, record.getSimpleName()).toList();
    }

    private static Stream<String> mismatches(JsonNode root, JsonNode schema, Class<?> record, String path) {
        JsonNode object = resolve(root, schema);
        List<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
        List<String> properties = List.copyOf(object.path("properties").propertyNames());
        List<String> required = object.path("required").valueStream().map(JsonNode::asString).toList();

        Stream<String> own = Stream.of(
                missing(components, properties, path + ".%s is not in the schema"),
                missing(properties, components, path + ".%s is not in the record"),
                missing(required, components, path + ".%s is required but not in the record"))
                .flatMap(problems -> problems);
        Stream<String> nested = Arrays.stream(record.getRecordComponents())
                .filter(component -> properties.contains(component.getName()))
                .flatMap(component -> nestedMismatches(root, object.path("properties").get(component.getName()),
                        component, path + "." + component.getName()));
        return Stream.concat(own, nested);
    }

    private static Stream<String> nestedMismatches(JsonNode root, JsonNode property, RecordComponent component,
                                                   String path) {
        JsonNode schema = resolve(root, property);
        if (component.getType().isRecord()) {
            return mismatches(root, schema, component.getType(), path);
        }
        if (component.getType() == List.class && component.getGenericType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
            return mismatches(root, schema.path("items"), element, path + "[]");
        }
        return Stream.empty();
    }

    private static Stream<String> missing(List<String> names, List<String> from, String problem) {
        return names.stream().filter(name -> !from.contains(name)).map(problem::formatted);
    }

    private static JsonNode resolve(JsonNode root, JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        return ref == null ? schema : root.at(ref.asString().substring(1));
    }
}
