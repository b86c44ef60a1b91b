package com.srsync.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route file as editors (Kaoto, VS Code) see it: valid against the Camel YAML DSL JSON schema
 * shipped inside camel-yaml-dsl, as written, with no placeholder in a typed field.
 */
class RoutesSchemaTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchema SCHEMA = schema();

    private static JsonSchema schema() {
        try (InputStream in = RoutesSchemaTest.class.getClassLoader().getResourceAsStream("schema/camelYamlDsl.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Path> routeFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("routes"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routeFiles")
    void the_route_file_is_valid_against_the_camel_yaml_dsl_schema(Path file) throws IOException {
        Set<ValidationMessage> problems = SCHEMA.validate(YAML.readTree(file.toFile()));
        assertEquals(List.of(), problems.stream().map(ValidationMessage::getMessage).sorted().toList());
    }

    @Test
    void a_typo_in_a_step_is_refused() throws IOException {
        JsonNode broken = YAML.readTree("- route:\n    from:\n      uri: direct:x\n      steps:\n        - too: log:x\n");
        assertFalse(SCHEMA.validate(broken).isEmpty());
    }
}
