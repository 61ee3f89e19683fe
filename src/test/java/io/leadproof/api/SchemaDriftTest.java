package io.leadproof.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The committed SDL in graphql-schema/ is the API contract; the served schema must not drift from it. */
@QuarkusTest
class SchemaDriftTest {

    static final Path COMMITTED = Path.of("graphql-schema", "schema.graphql");

    @Test
    void served_schema_equals_the_committed_sdl() throws IOException {
        String served = given().when().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("leadproof.schema.write")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, served);
        }
        assertThat(Files.exists(COMMITTED)).as("graphql-schema/schema.graphql is missing: run `make schema`").isTrue();
        assertThat(served)
                .as("The served GraphQL schema differs from graphql-schema/schema.graphql. If the change is intended, "
                        + "run `make schema` and commit the file; clients depend on it.")
                .isEqualTo(Files.readString(COMMITTED));
    }
}
