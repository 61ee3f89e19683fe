package io.leadproof.lead.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** The positions the compiled statement leaves, and where they are replaced by sealed cursors. */
class CursorSealingTest {

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    @Test
    void every_cursor_at_the_named_paths_is_sealed_and_nothing_else_moves() {
        var data = json("""
                {"a":{"edges":[{"cursor":"p1","node":{"id":"x","cursor":"data"}},{"cursor":"p2","node":null}],
                 "pageInfo":{"hasNextPage":true,"startCursor":null,"endCursor":"p2"}},"b":null}""");
        var sealed = CursorSealing.seal(data, List.of(List.of("a", "edges", "*", "cursor"), List.of("a", "pageInfo", "startCursor"),
                List.of("a", "pageInfo", "endCursor"), List.of("b", "edges", "*", "cursor")), p -> "sealed(" + p + ")");
        assertThat(sealed.toString()).isEqualTo("{\"a\":{\"edges\":[{\"cursor\":\"sealed(p1)\",\"node\":{\"id\":\"x\",\"cursor\":\"data\"}},"
                + "{\"cursor\":\"sealed(p2)\",\"node\":null}],\"pageInfo\":{\"hasNextPage\":true,\"startCursor\":null,"
                + "\"endCursor\":\"sealed(p2)\"}},\"b\":null}");
    }

    @Test
    void a_position_opens_to_the_sort_key_the_general_path_writes_into_its_cursor() {
        UUID id = UUID.randomUUID();
        for (String instant : List.of("2026-12-03T17:07:24Z", "2026-12-03T17:07:24.120Z", "2026-12-03T17:07:24.000001Z",
                "1969-12-31T23:59:59.999999Z", "2026-02-28T23:59:59.500Z")) {
            String position = CursorSealing.positionOf("CREATED_AT_DESC", Instant.parse(instant), id);
            assertThat(CursorSealing.keyset(position)).isEqualTo(new CursorSealing.Keyset("CREATED_AT_DESC", instant, id));
        }
        assertThat(CursorSealing.keyset("OCCURRED_AT_DESC|1764781644123456|" + id).key()).isEqualTo("2025-12-03T17:07:24.123456Z");
    }
}
