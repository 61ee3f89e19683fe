package io.leadproof.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * Every text input goes through one rule at the API's edge (issue 13, item 4): invisible formatting characters —
 * bidirectional overrides that make {@code Evil‮gpj.exe} display as {@code Evilexe.jpg}, zero-width spaces — are
 * refused with the field named, and what is stored is in Unicode NFC.
 */
@QuarkusTest
@TestSecurity(user = "tess", roles = "revops-admin",
        attributes = @SecurityAttribute(key = "workspaces", value = "free-text", type = AttributeType.STRING_SET))
class FreeTextTest {

    @Test
    void bidi_controls_and_zero_width_characters_are_refused_in_every_text_input_and_nothing_is_stored() {
        for (String bad : List.of("Evil\u202Egpj.exe", "ad\u200Bmin", "\uFEFFbom", "left\u2066isolate", "soft\u00ADhyphen", "mark\u200F")) {
            var lead = InputValidationTest.send("mutation($i: LeadInput!) { leadUpsert(input: $i) { lead { id } } }",
                    Map.of("i", Map.of("email", "text@free.example", "firstName", bad)));
            InputValidationTest.refused(lead, "INVALID_CHARACTERS", "$i", "firstName");
            var campaign = InputValidationTest.send("mutation { campaignCreate(input: {name: \"" + bad + "\", channel: EMAIL}) { campaign { id } } }",
                    Map.of());
            InputValidationTest.refused(campaign, "INVALID_CHARACTERS", "input", "name");
            var filter = InputValidationTest.send("query($s: String) { leads(filter: {search: $s}) { edges { node { id } } } }", Map.of("s", bad));
            InputValidationTest.refused(filter, "INVALID_CHARACTERS", "$s");
        }
        assertThat(InputValidationTest.stored("text@free.example")).isFalse();
        assertThat(GraphQL.ok("{ campaigns(first: 10) { edges { node { name } } } }").getList("data.campaigns.edges")).isEmpty();
    }

    @Test
    void text_is_stored_in_nfc_and_joiners_that_real_text_needs_are_kept() {
        String decomposed = "Zoe\u0308 Ange\u0301lique";
        String emoji = "\uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDCBB"; // woman technologist: needs U+200D
        var json = GraphQL.ok("mutation($i: LeadInput!) { leadUpsert(input: $i) { lead { firstName lastName } } }",
                Map.of("i", Map.of("email", "nfc@free.example", "firstName", decomposed, "lastName", emoji)));
        assertThat(json.getString("data.leadUpsert.lead.firstName")).isEqualTo("Zoë Angélique");
        assertThat(json.getString("data.leadUpsert.lead.lastName")).isEqualTo(emoji);
        var literal = GraphQL.ok("{ leads(first: 5, filter: {search: \"Ange\u0301lique\"}) { edges { node { firstName } } } }");
        assertThat(literal.getList("data.leads.edges.node.firstName")).as("a search in another normal form finds it")
                .containsExactly("Zoë Angélique");
    }
}
