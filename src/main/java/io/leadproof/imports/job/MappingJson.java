package io.leadproof.imports.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadproof.imports.ColumnMapping;

/** A {@link ColumnMapping} as the JSON stored with saved mappings and with each job (the record serialises as is). */
public final class MappingJson {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private MappingJson() {
    }

    public static String write(ColumnMapping mapping) {
        try {
            return JSON.writeValueAsString(mapping);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a column mapping is plain data and always serialises", e);
        }
    }

    public static ColumnMapping read(String json) {
        try {
            return JSON.readValue(json, ColumnMapping.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored column mapping is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
