package io.leadproof.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.parser.Parser;
import io.leadproof.common.UserErrorCode;
import io.leadproof.evidence.api.EvidenceErrorCode;

/**
 * UserError.code is one documented enum. Codes written as UserErrorCode constants are checked by the compiler; the
 * feature enums that reach a UserError by name are walked here, and the served enum must be the Java one, described.
 */
class UserErrorCodeTest {

    /** Feature code enums whose names become UserError codes. */
    static final List<Class<? extends Enum<?>>> FEATURE_CODES = List.of(EvidenceErrorCode.class);

    @Test
    void every_feature_code_a_payload_can_emit_is_a_user_error_code() {
        var known = Arrays.stream(UserErrorCode.values()).map(Enum::name).collect(Collectors.toSet());
        for (var feature : FEATURE_CODES) {
            for (var code : feature.getEnumConstants()) {
                assertThat(known).as(feature.getSimpleName() + "." + code.name() + " in UserErrorCode").contains(code.name());
            }
        }
        assertThat(EvidenceErrorCode.WINDOW_REVERSED.error("reversed", "input", "window").code())
                .isEqualTo(UserErrorCode.WINDOW_REVERSED);
    }

    @Test
    void the_schema_types_user_error_code_as_the_documented_enum() throws IOException {
        var sdl = Parser.parse(Files.readString(Path.of("graphql-schema/schema.graphql")));
        var userError = SchemaRules.committed().objects.get("UserError");
        assertThat(SchemaRules.field(userError, "code").getType().toString()).contains("UserErrorCode");
        var served = sdl.getDefinitionsOfType(EnumTypeDefinition.class).stream()
                .filter(e -> e.getName().equals("UserErrorCode")).findFirst().orElseThrow();
        assertThat(served.getEnumValueDefinitions()).extracting(EnumValueDefinition::getName)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(UserErrorCode.values()).map(Enum::name).toList());
        assertThat(served.getEnumValueDefinitions()).allSatisfy(v ->
                assertThat(v.getDescription()).as(v.getName() + " is described").isNotNull());
    }
}
