package io.leadproof.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The application's one ObjectMapper, configured once: java.time as ISO-8601 text, unknown properties ignored (stored
 * documents outlive the code that wrote them). Beans inject it (CDI producer below); the pure static helpers (the rules
 * document, scoring's JSON columns) use the same instance through {@link #MAPPER}, as they run without a container.
 */
@ApplicationScoped
public class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Produces
    @Singleton
    ObjectMapper objectMapper() {
        return MAPPER;
    }
}
