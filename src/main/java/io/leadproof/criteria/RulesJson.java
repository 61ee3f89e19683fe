package io.leadproof.criteria;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadproof.common.Json;

/** The JSON document a version's rules are stored as. */
public final class RulesJson {

    private static final ObjectMapper MAPPER = Json.MAPPER;
    private static final TypeReference<List<RuleDefinition>> LIST = new TypeReference<>() {
    };

    private RulesJson() {
    }

    public static String write(List<RuleDefinition> rules) {
        try {
            return MAPPER.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<RuleDefinition> read(String json) {
        try {
            return json == null ? List.of() : MAPPER.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rules are not readable", e);
        }
    }
}
