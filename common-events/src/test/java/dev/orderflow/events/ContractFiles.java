package dev.orderflow.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The contract's files on the classpath: JSON Schemas (main resources) and golden payloads (test resources). */
final class ContractFiles {

    static final String HEADERS_SCHEMA = "/schemas/CloudEventHeaders.v1.schema.json";
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** In draft 2020-12 {@code format} only annotates unless assertions are on; we want uuid and date checked. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private ContractFiles() {
    }

    static String schemaResource(EventType type, int version) {
        return "/schemas/" + type.wireName() + ".v" + version + ".schema.json";
    }

    static String goldenResource(EventType type, int version) {
        return "/golden/" + type.wireName() + ".v" + version + ".json";
    }

    static boolean exists(String resource) {
        return ContractFiles.class.getResource(resource) != null;
    }

    static byte[] bytes(String resource) {
        try (InputStream in = ContractFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError(resource + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String resource) {
        return tree(bytes(resource));
    }

    static JsonNode tree(byte[] json) {
        return JSON.readTree(json);
    }

    /** What the draft 2020-12 meta-schema finds wrong with a schema. */
    static List<String> metaSchemaViolations(JsonNode schema) {
        Schema metaSchema = REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
        return messages(metaSchema.validate(schema));
    }

    /** What the schema at {@code schemaResource} finds wrong with an instance; empty when it conforms. */
    static List<String> violations(String schemaResource, JsonNode instance) {
        Schema schema = SCHEMAS.computeIfAbsent(schemaResource, resource -> REGISTRY.getSchema(tree(resource)));
        return messages(schema.validate(instance));
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }
}
