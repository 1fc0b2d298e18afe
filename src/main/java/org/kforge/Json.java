package org.kforge;

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
    // each mapper is built on first use (a holder class each): building one costs tens of milliseconds at start-up,
    // and a boot reads YAML before QEMU starts but writes JSON only after
    private static final class JsonHolder {
        static final ObjectMapper JSON = withTerminalEscapes(JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build());
    }

    private static final class YamlHolder {
        static final ObjectMapper YAML = YAMLMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .build();
    }

    /** kforge's own data files (profiles, rules): names as written in them. */
    private static final class YamlDataHolder {
        static final ObjectMapper YAML_DATA = YAMLMapper.builder().build();
    }

    /** A protocol's JSON on the wire (QMP): one line, names as the protocol spells them. */
    private static final class WireHolder {
        static final ObjectMapper WIRE = JsonMapper.builder().build();
    }

    private Json() {
    }

    /** C1 controls and DEL escaped too (\\u009b...): JSON stays exact, and no raw control reaches a terminal. */
    private static ObjectMapper withTerminalEscapes(ObjectMapper m) {
        m.getFactory().setCharacterEscapes(TerminalText.jsonEscapes());
        return m;
    }

    /** JSON, snake_case, indented; unknown fields on reading are an error. */
    public static ObjectMapper json() {
        return JsonHolder.JSON;
    }

    /** YAML with the same names as {@link #json()}. */
    public static ObjectMapper yaml() {
        return YamlHolder.YAML;
    }

    /** YAML for kforge's own data files under resources (their names are kept as written). */
    public static ObjectMapper yamlData() {
        return YamlDataHolder.YAML_DATA;
    }

    /** JSON on a wire protocol's terms (QMP): compact, names untouched. */
    public static ObjectMapper wire() {
        return WireHolder.WIRE;
    }

    /** A value as indented JSON text. */
    public static String write(Object value) {
        try {
            return JsonHolder.JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON: " + e.getMessage(), e);
        }
    }
}
