package dev.orderflow.deployment.compose;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Compose Specification's JSON schema: the file ORDERFLOW_COMPOSE_SCHEMA names (system property or
 * environment variable, e.g. ../shared/schemas/compose-spec.json), else the copy in the test resources.
 */
final class ComposeSchema {

    static final String LOCATION_SETTING = "ORDERFLOW_COMPOSE_SCHEMA";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Schema SCHEMA = load();

    private ComposeSchema() {
    }

    static List<String> violations(ComposeFile compose) {
        JsonNode instance = JSON.valueToTree(compose.root());
        return SCHEMA.validate(instance).stream().map(Error::toString).toList();
    }

    private static Schema load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
        ObjectNode schema = (ObjectNode) JSON.readTree(schemaText());
        // Its "$id" is a bare file name, which the validator refuses as a base IRI; every $ref is local (#/...).
        schema.remove("$id");
        return registry.getSchema(schema);
    }

    private static String schemaText() {
        Optional<String> configured = Optional.ofNullable(System.getProperty(LOCATION_SETTING))
                .or(() -> Optional.ofNullable(System.getenv(LOCATION_SETTING)))
                .filter(location -> !location.isBlank());
        try {
            if (configured.isPresent()) {
                return Files.readString(Path.of(configured.get()));
            }
            try (InputStream in = ComposeSchema.class.getResourceAsStream("/compose-spec/compose-spec.json")) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Compose schema", e);
        }
    }
}
