package io.leadproof.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.leadproof.support.OwnerSql;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The facts of a few leads are read with the handoffs of those leads only, not by grouping every handoff of the
 * workspace (V16): each ingest batch that moves leads reads their facts this way, so the cost must not grow with the
 * workspace's handoffs.
 */
@QuarkusTest
class LeadFactsPlanTest {

    @Test
    void the_facts_of_some_leads_group_only_their_own_handoffs() {
        String plan = String.join("\n", OwnerSql.strings("explain select * from metrics_lead_src where workspace_id = 'w'"
                + " and lead_id = any('{" + UUID.randomUUID() + "," + UUID.randomUUID() + "}'::uuid[])"));
        assertThat(plan).as(plan).contains("Nested Loop Left Join").contains("lead_id = l.id")
                .doesNotContain("Hash Left Join");
    }
}
