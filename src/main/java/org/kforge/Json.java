package org.kforge;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The one way kforge reads and writes JSON and YAML: snake_case names (as result.json documents),
 * indented output. Every --json and every file kforge writes goes through these.
 */
public final class Json {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();
    /** Data files kforge ships or reads (profiles, rules): names as written, unknown fields ignored. */
    private static final ObjectMapper YAML_DATA = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    /** JSON, snake_case, indented; unknown fields on reading are an error. */
    public static ObjectMapper json() {
        return JSON;
    }

    /** YAML with the same names as {@link #json()}. */
    public static ObjectMapper yaml() {
        return YAML;
    }

    /** YAML for kforge's own data files under resources (their names are kept as written). */
    public static ObjectMapper yamlData() {
        return YAML_DATA;
    }

    /** A value as indented JSON text. */
    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON: " + e.getMessage(), e);
        }
    }
}
