package io.leadproof.privacy;

import io.leadproof.support.OwnerSql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The append-only ledgers let an erasure scrub personal text and nothing else: only inside a transaction that turned
 * {@code leadproof.erasure} on, only the text/json column, only of an erased lead; deletes never; score_event never.
 */
@QuarkusTest
class ErasureTriggersTest {

    static final String WS = "privacy-triggers";

    @Inject
    AgroalDataSource ds;

    UUID lead;
    UUID handoff;

    @BeforeEach
    void a_lead_with_a_crossing_a_handoff_an_event_and_a_ledger_entry() throws SQLException {
        lead = UUID.randomUUID();
        handoff = UUID.randomUUID();
        UUID version = UUID.randomUUID();
        try (Connection c = OwnerSql.connect()) {
            exec(c, "insert into workspace (workspace_id, name) values ('" + WS + "', 'triggers') on conflict do nothing");
            exec(c, "insert into rejection_reason (workspace_id, code, label, category, created_at) values ('" + WS
                    + "', 'NO_BUDGET', 'No budget', 'BUDGET', now()) on conflict do nothing");
            exec(c, "insert into lead (workspace_id, id, email, seniority, budget_status, authority, need, timeline, lifecycle_stage,"
                    + " created_at, updated_at) values ('" + WS + "', '" + lead + "', 'ada@trigger.contoso.com', 'UNKNOWN', 'UNKNOWN',"
                    + " 'UNKNOWN', 'UNKNOWN', 'UNKNOWN', 'LOST', now(), now())");
            exec(c, "insert into mql_crossing values ('" + WS + "', '" + lead + "', '" + version + "', now(), 60,"
                    + " '[{\"ruleKey\": \"t\", \"kind\": \"FIT\", \"points\": 60, \"evidence\": \"job title ''Ada''\"}]')");
            exec(c, "insert into score_event (workspace_id, lead_id, version_id, new_total, qualified, cause, as_of) values ('" + WS
                    + "', '" + lead + "', '" + version + "', 60, true, 'LEAD_CHANGED', now())");
            exec(c, "insert into handoff (workspace_id, id, lead_id, state, version_id, score_total, score_fit, score_engagement,"
                    + " contributions, lead_snapshot, created_at, created_by, due_at, lost_reason, opportunity_name, opportunity_at, closed_at)"
                    + " values ('" + WS + "', '" + handoff + "', '" + lead + "', 'LOST', '" + version + "', 60, 60, 0, '[]',"
                    + " '{\"email\": \"ada@trigger.contoso.com\", \"seniority\": \"VP\"}', now(), 'leadproof', now(), 'Ada moved to a competitor',"
                    + " 'Ada deal', now(), now())");
            exec(c, "insert into handoff_event (workspace_id, handoff_id, type, actor, occurred_at, details) values ('" + WS + "', '"
                    + handoff + "', 'LOST', 'sue', now(), '{\"reason\": \"Ada moved to a competitor\"}')");
        }
    }

    @Test
    void without_the_erasure_setting_the_ledgers_stay_append_only() throws SQLException {
        try (Connection c = OwnerSql.connect()) {
            exec(c, "update lead set erased_at = now(), email = null where workspace_id = '" + WS + "' and id = '" + lead + "'");
            assertRefused(c, "update mql_crossing set contributions = '[]' where lead_id = '" + lead + "'");
            assertRefused(c, "update handoff_event set details = '{}' where handoff_id = '" + handoff + "'");
        }
    }

    @Test
    void the_erasure_setting_does_not_open_the_ledgers_of_a_lead_that_is_not_erased() throws SQLException {
        try (Connection c = OwnerSql.connect()) {
            c.setAutoCommit(false);
            exec(c, "select set_config('leadproof.erasure', 'on', true)");
            assertRefused(c, "update mql_crossing set contributions = '[]' where lead_id = '" + lead + "'");
            c.rollback();
            exec(c, "select set_config('leadproof.erasure', 'on', true)");
            assertRefused(c, "update handoff_event set details = '{}' where handoff_id = '" + handoff + "'");
            c.rollback();
            assertThatThrownBy(() -> exec(c, "select privacy_scrub_erased_lead('" + WS + "', '" + lead + "')"))
                    .hasMessageContaining("is not erased");
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    @Test
    void an_erasure_may_scrub_the_text_but_not_change_facts_delete_rows_or_touch_score_events() throws SQLException {
        try (Connection c = OwnerSql.connect()) {
            exec(c, "update lead set erased_at = now(), email = null where workspace_id = '" + WS + "' and id = '" + lead + "'");
            c.setAutoCommit(false);
            for (String change : new String[] {
                    "update mql_crossing set total = 1 where lead_id = '" + lead + "'",
                    "update mql_crossing set crossed_at = now() - interval '1 day', contributions = '[]' where lead_id = '" + lead + "'",
                    "delete from mql_crossing where lead_id = '" + lead + "'",
                    "update handoff_event set actor = 'mallory' where handoff_id = '" + handoff + "'",
                    "update handoff_event set type = 'WON', details = '{}' where handoff_id = '" + handoff + "'",
                    "delete from handoff_event where handoff_id = '" + handoff + "'",
                    "update score_event set new_total = 1 where lead_id = '" + lead + "'",
                    "delete from score_event where lead_id = '" + lead + "'" }) {
                exec(c, "select set_config('leadproof.erasure', 'on', true)");
                assertRefused(c, change);
                c.rollback();
            }
            exec(c, "select privacy_scrub_erased_lead('" + WS + "', '" + lead + "')");
            c.commit();
            assertThat(text(c, "select contributions::text from mql_crossing where lead_id = '" + lead + "'"))
                    .isEqualTo("[{\"kind\": \"FIT\", \"points\": 60, \"ruleKey\": \"t\", \"evidence\": \"[erased]\"}]");
            assertThat(text(c, "select details::text from handoff_event where handoff_id = '" + handoff + "'"))
                    .as("a LOST reason is free text").isEqualTo("{\"reason\": \"[erased]\"}");
            assertThat(text(c, "select lead_snapshot::text || lost_reason || opportunity_name from handoff where id = '" + handoff + "'"))
                    .isEqualTo("{\"seniority\": \"VP\"}[erased][erased]");
            assertThat(text(c, "select current_setting('leadproof.erasure', true)")).as("the setting does not outlive the scrub")
                    .isIn(null, "", "off");
            // after the scrub, the ledgers are closed again
            assertRefused(c, "update mql_crossing set contributions = '[]' where lead_id = '" + lead + "'");
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void assertRefused(Connection c, String sql) {
        assertThatThrownBy(() -> exec(c, sql)).as(sql).isInstanceOf(SQLException.class).hasMessageContaining("is append-only");
    }
}
