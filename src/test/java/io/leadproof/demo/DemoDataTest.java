package io.leadproof.demo;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.leadproof.support.OwnerSql;
import io.quarkus.test.junit.QuarkusTest;

/** The demo a new user sees after `make run`: campaigns with costs, scored leads, and handoffs that have owners. */
@QuarkusTest
class DemoDataTest {

    static final String WS = "demo-data-test";

    @Inject
    DemoData demo;

    @Test
    void seeding_twice_gives_one_set_of_data_and_every_handoff_goes_to_a_registered_rep() {
        demo.seed(WS, 60, 5L, "sam.sales", "Sam Sales", "sue.sales", "Sue Sales");
        long leads = count("lead");
        long activities = count("activity");
        demo.seed(WS, 60, 5L, "sam.sales", "Sam Sales", "sue.sales", "Sue Sales");

        assertThat(leads).isEqualTo(60);
        assertThat(count("lead")).as("a restart updates rather than duplicates").isEqualTo(leads);
        assertThat(count("activity")).isEqualTo(activities).isPositive();
        assertThat(count("campaign")).isEqualTo(DemoGenerator.CAMPAIGNS.size());
        assertThat(count("campaign_cost")).isPositive();
        assertThat(OwnerSql.strings("select user_name from sales_rep where workspace_id = ? order by 1", WS))
                .containsExactly("sam.sales", "sue.sales");
        assertThat(OwnerSql.count("select count(*) from lead_score where workspace_id = ?", WS)).isGreaterThanOrEqualTo(leads);
        assertThat(count("handoff")).as("some demo leads qualify and are handed off").isPositive();
        assertThat(OwnerSql.strings("select distinct coalesce(owner, '(none)') from handoff where workspace_id = ? order by 1", WS))
                .containsExactly("sam.sales", "sue.sales");
    }

    private static long count(String table) {
        return OwnerSql.count("select count(*) from " + table + " where workspace_id = ?", WS);
    }
}
