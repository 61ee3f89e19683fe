package io.leadproof.lead.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Map;

import jakarta.json.spi.JsonProvider;

import org.junit.jupiter.api.Test;

/** The compiled read's JSON goes into the response verbatim and comes out as the general path writes it. */
class RawJsonTest {

    private static final JsonProvider JSON = JsonProvider.provider();

    /** As PostgreSQL writes json_build_object / json_agg: " : " and ", " between tokens, a line break between elements. */
    private static final String POSTGRES = "{\"leads\" : {\"edges\" : [{\"node\" : {\"email\" : \"a \\\" , : b@x.contoso.com\","
            + " \"note\" : \"tab\\there \\\\ \\n line\\u0001 / é 日本\", \"total\" : 72, \"qualified\" : true, \"phone\" : null,"
            + " \"handoffs\" : []}}, \n {\"node\" : {\"email\" : \"  spaced  \", \"tags\" : [1, 2, \"a b\"]}}]}}";

    /** What the general path writes: SmallRye's response through Parsson. */
    private static String parssonWrites(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject().toString();
        }
    }

    @Test
    void compacting_postgres_json_gives_the_bytes_parsson_writes_for_the_same_value() {
        assertThat(RawJson.compact(POSTGRES)).isEqualTo(parssonWrites(POSTGRES));
        assertThat(RawJson.compact(POSTGRES)).contains("\"a \\\" , : b@x.contoso.com\"", "\"  spaced  \"", "\"a b\"");
    }

    @Test
    void the_response_object_writes_the_value_as_it_is() {
        var raw = RawJson.of(POSTGRES);
        var response = JSON.createObjectBuilder(Map.of()).add("data", raw).build();

        assertThat(response.toString()).isEqualTo("{\"data\":" + parssonWrites(POSTGRES) + "}");
    }

    @Test
    void nothing_can_read_it_as_a_number() {
        assertThatThrownBy(() -> RawJson.of("{}").bigDecimalValue()).isInstanceOf(UnsupportedOperationException.class);
    }
}
