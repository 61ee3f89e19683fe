package io.leadproof.security;

import io.leadproof.support.OwnerSql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.leadproof.common.StatementTimeoutException;
import io.leadproof.e2e.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code leadproof.db.statement-timeout} (1 s in this profile, 2 s for jobs): a statement that runs longer is
 * cancelled by PostgreSQL, its transaction rolls back, and the API answers {@code extensions.code = TIMEOUT}.
 *
 * <p>The slow statement is made slow from the outside, test-only: a trigger (installed by the owner for this test
 * and dropped after it) that sleeps when a campaign named {@code slow-…} is inserted. Nothing in src/main knows.
 */
@QuarkusTest
@TestProfile(SmallPoolProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementTimeoutTest {

    static final String CREATE = """
            mutation($input: CampaignCreateInput!) { campaignCreate(input: $input) { campaign { id name } userErrors { code } } }""";

    @Inject
    WorkspaceScope scope;
    @Inject
    EntityManager em;

    @BeforeAll
    void a_trigger_that_makes_some_inserts_slow() {
        OwnerSql.exec("""
                create or replace function test_slow_campaign() returns trigger language plpgsql as $$
                begin
                    if new.name like 'slow-%' then
                        perform pg_sleep(10);
                    end if;
                    return new;
                end $$""");
        OwnerSql.exec("drop trigger if exists test_slow_campaign on campaign");
        OwnerSql.exec("create trigger test_slow_campaign before insert on campaign for each row execute function test_slow_campaign()");
    }

    @AfterAll
    void drop_the_trigger() {
        OwnerSql.exec("drop trigger if exists test_slow_campaign on campaign");
        OwnerSql.exec("drop function if exists test_slow_campaign()");
    }

    @Test
    void a_slow_mutation_is_cancelled_rolled_back_and_reported_as_timeout() {
        String name = "slow-" + UUID.randomUUID();
        Api.as("ada.admin").ok("{ viewer { workspace { id } } }"); // token, workspace and code paths warmed up
        long started = System.nanoTime();
        var result = Api.as("ada.admin").post(CREATE, Map.of("input", Map.of("name", name, "channel", "PAID_SEARCH")));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(result.codes()).as("%s", result).containsExactly("TIMEOUT");
        assertThat(result.<String>get("errors[0].message")).isEqualTo(
                "The request took too long in the database and was cancelled; nothing was changed."
                        + " Ask for less (a smaller page, a narrower filter) or try again later.")
                .doesNotContain("insert", "campaign", "pg_sleep");
        assertThat(Api.Result.path(result.errors().getFirst())).containsExactly("campaignCreate");
        assertThat((Object) result.get("data")).isNull();
        assertThat(tookMillis).as("cancelled after about 1 s, not after the 10 s sleep").isLessThan(8000);
        assertThat(OwnerSql.count("select count(*) from campaign where name = ?", name)).as("rolled back").isZero();

        var fine = Api.as("ada.admin").ok(CREATE, Map.of("input", Map.of("name", "fast-" + UUID.randomUUID(), "channel", "PAID_SEARCH")));
        assertThat(fine.getString("data.campaignCreate.campaign.id")).as("the next request is unaffected").isNotNull();
    }

    @Test
    void jobs_have_their_own_longer_timeout_and_get_the_same_exception() {
        String ws = "timeout-" + UUID.randomUUID().toString().substring(0, 8);
        // 1.5 s: over the request timeout, under the job timeout
        Object slept = scope.call(ws, () -> QuarkusTransaction.requiringNew().call(
                () -> em.createNativeQuery("select pg_sleep(1.5)::text").getSingleResult()));
        assertThat(slept).isEqualTo("");
        assertThatThrownBy(() -> scope.call(ws, () -> QuarkusTransaction.requiringNew().call(
                () -> em.createNativeQuery("select pg_sleep(3)").getSingleResult())))
                .hasCauseInstanceOf(StatementTimeoutException.class);
        assertThatThrownBy(() -> scope.call(ws, () -> QuarkusTransaction.requiringNew().call(
                () -> em.unwrap(Session.class).doReturningWork(c -> {
                    try (var ps = c.prepareStatement("select pg_sleep(3)")) {
                        return ps.execute();
                    }
                }))))
                .as("raw JDBC inside doReturningWork goes through the same translation")
                .isInstanceOf(StatementTimeoutException.class);
    }
}
