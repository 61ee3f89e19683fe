package io.leadproof.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * A frontend team's conventions, checked over the committed SDL (SchemaDriftTest keeps it equal to the served schema):
 * every object a client caches is a Node with an ID! id and no other type has an `id`, so global ids are unique per
 * object across types; links are objects, not bare ids; every mutation payload hands back the objects it changed;
 * input lists have non-null items; connections have totalCount; custom scalars say how they are specified.
 */
class SchemaConventionsTest {

    /** Gaps not fixed yet. This list may only shrink: an entry that no longer fails must be removed. */
    static final Set<String> KNOWN_GAPS = Set.of();

    @Test
    void the_schema_follows_the_frontend_conventions_except_the_known_gaps() throws IOException {
        Set<String> found = SchemaRules.committed().violations();
        Set<String> newGaps = new TreeSet<>(found);
        newGaps.removeAll(KNOWN_GAPS);
        assertThat(newGaps).as("new convention violations (fix them; do not add them to KNOWN_GAPS)").isEmpty();
    }

    @Test
    void the_known_gaps_list_only_shrinks() throws IOException {
        Set<String> fixed = new TreeSet<>(KNOWN_GAPS);
        fixed.removeAll(SchemaRules.committed().violations());
        assertThat(fixed).as("fixed gaps still listed in KNOWN_GAPS: remove them").isEmpty();
    }

    /** Mutations that change more than one object, and the payload paths that hand back each of them. */
    static final Map<String, List<String>> CHANGED_OBJECTS = Map.of(
            "leadErase", List.of("erasure.lead", "erasure.auditEntry"),
            "campaignCostRecord", List.of("cost", "campaign"),
            "criteriaModelSetHandoff", List.of("model", "previousHandoffModel"),
            "criteriaVersionPublish", List.of("version", "retiredVersion"),
            "salesRepSetMyAvailability", List.of("rep"));

    @Test
    void mutations_hand_back_every_object_they_change() throws IOException {
        SchemaRules schema = SchemaRules.committed();
        CHANGED_OBJECTS.forEach((mutation, paths) -> {
            var root = SchemaRules.field(schema.objects.get("Mutation"), mutation);
            assertThat(root).as(mutation).isNotNull();
            for (String path : paths) {
                String type = SchemaRules.named(root.getType());
                for (String step : path.split("\\.")) {
                    var next = SchemaRules.field(schema.objects.get(type), step);
                    assertThat(next).as(mutation + " payload has " + path).isNotNull();
                    type = SchemaRules.named(next.getType());
                }
                assertThat(schema.isNode(type)).as(mutation + " hands back " + path + " as a Node, not " + type).isTrue();
            }
        });
    }

    @Test
    void the_rules_catch_what_they_guard() {
        var bad = new SchemaRules("""
                interface Node { id: ID! }
                type Query { thing: Thing }
                type Mutation { thingErase(ids: [ID]): ThingErasePayload! thingMove(id: ID!): ThingMovePayload! }
                type Thing { id: String! ownerId: ID }
                type ThingConnection { edges: [Thing!]! }
                type ThingErasePayload { erasedId: ID done: Boolean! }
                type ThingMovePayload { thing: Thing movedFrom: ID }
                scalar Odd
                """);
        assertThat(bad.violations()).contains("node:Thing", "id:Thing", "link:Thing.ownerId", "list:Mutation.thingErase(ids)",
                "payload:thingErase", "payload:thingMove", "totalCount:ThingConnection", "scalar:Odd", "link:ThingErasePayload.erasedId");
    }
}
