package io.leadproof.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.leadproof.ops.LeasedJobs.Kind;
import io.leadproof.support.OwnerSql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The one claim rule of every leased job (claim_leased_job, R__leased_job_claims.sql), called as the application role
 * does: the oldest queued job first, pods polling at once get different jobs (skip locked), a lease that ran out is
 * taken over, a job that starts over has its progress reset and its attempts counted, an import resumes at its
 * checkpoint, and a kind outside the whitelist is refused.
 */
@QuarkusTest
@TestProfile(LeasedJobClaimsProfile.class)
class LeasedJobClaimsTest {

    static final String WS = "leased-job-claims";
    static final Duration LEASE = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void noOpenJobs() {
        OwnerSql.exec("update import_job set state = 'FAILED', lease_owner = null where state in ('QUEUED', 'RUNNING')");
        OwnerSql.exec("update signal_analysis_job set state = 'FAILED', lease_owner = null where state in ('QUEUED', 'RUNNING')");
    }

    @Test
    void two_owners_get_different_jobs_oldest_first_and_a_held_job_is_not_taken() throws SQLException {
        UUID older = importJob("QUEUED", 1, null, "1 hour");
        UUID newer = importJob("QUEUED", 1, null, "1 minute");

        var a = claim(Kind.IMPORT, "pod-a");
        var b = claim(Kind.IMPORT, "pod-b");
        assertThat(a.jobId()).isEqualTo(older);
        assertThat(a.takenFrom()).isNull();
        assertThat(a.leaseEndedAt()).isNull();
        assertThat(b.jobId()).isEqualTo(newer);
        assertThat(claim(Kind.IMPORT, "pod-c")).as("both jobs are held under live leases").isNull();
        assertThat(OwnerSql.strings("select state || '|' || lease_owner || '|' || (lease_expires_at > now() + interval '25 seconds')"
                + " from import_job where workspace_id = ? and id = ?", WS, older)).containsExactly("RUNNING|pod-a|true");

        var again = claim(Kind.IMPORT, "pod-a");
        assertThat(again.jobId()).as("a pod resumes the job it holds itself at once").isEqualTo(older);
        assertThat(again.takenFrom()).isEqualTo("pod-a");
        assertThat(again.takenOver("pod-a")).isFalse();
    }

    @Test
    void a_job_locked_by_a_claim_in_progress_is_skipped_not_waited_for() throws Exception {
        UUID locked = importJob("QUEUED", 1, null, "1 hour");
        UUID free = importJob("QUEUED", 1, null, "1 minute");
        try (var other = OwnerSql.connect()) {
            other.setAutoCommit(false);
            try (var ps = other.prepareStatement("select 1 from import_job where workspace_id = ? and id = ? for update")) {
                ps.setString(1, WS);
                ps.setObject(2, locked);
                ps.executeQuery().close();
            }
            long started = System.nanoTime();
            var claim = claim(Kind.IMPORT, "pod-b");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(claim.jobId()).isEqualTo(free);
            other.rollback();
        }
        assertThat(claim(Kind.IMPORT, "pod-c").jobId()).as("once the other claim let go").isEqualTo(locked);
    }

    @Test
    void an_import_taken_over_resumes_at_its_checkpoint() throws SQLException {
        UUID job = importJob("RUNNING", 501, "dead-pod", "1 minute");
        OwnerSql.exec("update import_job set rows_read = 500, rows_landed = 497, lease_expires_at = now() - interval '1 second'"
                + " where workspace_id = ? and id = ?", WS, job);

        var claim = claim(Kind.IMPORT, "pod-b");
        assertThat(claim.jobId()).isEqualTo(job);
        assertThat(claim.takenFrom()).isEqualTo("dead-pod");
        assertThat(claim.takenOver("pod-b")).isTrue();
        assertThat(claim.leaseEndedAt()).isBefore(java.time.Instant.now());
        assertThat(claim.checkpoint()).isEqualTo("501");
        assertThat(OwnerSql.strings("select resume_after_row || '|' || rows_read || '|' || rows_landed || '|' || lease_owner"
                + " from import_job where workspace_id = ? and id = ?", WS, job)).containsExactly("501|500|497|pod-b");
    }

    @Test
    void an_analysis_taken_over_starts_over_and_counts_the_attempt() throws SQLException {
        UUID live = analysisJob("other-pod", "now() + interval '1 minute'", "2 hours");
        UUID stale = analysisJob("dead-pod", "now() - interval '1 second'", "1 hour");

        var claim = claim(Kind.SIGNAL_ANALYSIS, "pod-b");
        assertThat(claim.jobId()).as("the live lease is left alone, though its job is older").isEqualTo(stale);
        assertThat(claim.takenFrom()).isEqualTo("dead-pod");
        assertThat(claim.checkpoint()).as("a job that starts over has no checkpoint").isNull();
        assertThat(OwnerSql.strings("select progress || '|' || attempts || '|' || lease_owner || '|' || (heartbeat_at > now() - interval '1 minute')"
                + " from signal_analysis_job where workspace_id = ? and id = ?", WS, stale)).containsExactly("0|2|pod-b|true");
        assertThat(OwnerSql.strings("select progress || '|' || attempts || '|' || lease_owner from signal_analysis_job"
                + " where workspace_id = ? and id = ?", WS, live)).containsExactly("0.6|1|other-pod");
    }

    @Test
    void every_kind_of_the_java_side_is_in_the_whitelist() throws SQLException {
        for (Kind kind : Kind.values()) {
            assertThat(LeasedJobs.claimNext(dataSource, kind, "pod-z", LEASE)).as(kind.name()).isNull();
        }
    }

    @Test
    void a_kind_outside_the_whitelist_is_refused() {
        for (String kind : new String[] { "lead", "import_job; drop table lead", "IMPORT", "" }) {
            assertThatThrownBy(() -> {
                try (var c = dataSource.getConnection();
                        var ps = c.prepareStatement("select * from claim_leased_job(?, 'pod-x', interval '30 seconds')")) {
                    ps.setString(1, kind);
                    ps.executeQuery().close();
                }
            }).isInstanceOf(SQLException.class).hasMessageContaining("unknown leased job kind")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22023"));
        }
        assertThat(OwnerSql.count("select count(*) from information_schema.tables where table_name = 'lead'")).isOne();
    }

    private LeasedJobs.Claim claim(Kind kind, String owner) throws SQLException {
        return LeasedJobs.claimNext(dataSource, kind, owner, LEASE);
    }

    private static UUID importJob(String state, long resumeAfterRow, String owner, String age) {
        UUID id = UUID.randomUUID();
        OwnerSql.exec("insert into import_job (workspace_id, id, kind, state, dry_run, mapping_name, mapping, resume_after_row,"
                + " created_by, created_at, started_at, lease_owner, lease_expires_at) values (?, ?, 'LEADS', ?, false, 'm', '{}'::jsonb,"
                + " ?, 'rita', now() - ?::interval, case when ? = 'RUNNING' then now() end, ?,"
                + " case when ? = 'RUNNING' then now() + interval '1 minute' end)",
                WS, id, state, resumeAfterRow, age, state, owner, state);
        return id;
    }

    private static UUID analysisJob(String owner, String expires, String age) {
        UUID id = UUID.randomUUID();
        OwnerSql.exec("insert into signal_analysis_job (workspace_id, id, input, as_of, state, progress, attempts, requested_by,"
                + " created_at, started_at, heartbeat_at, lease_owner, lease_expires_at) values (?, ?, '{}'::jsonb, now(), 'RUNNING',"
                + " 0.6, 1, 'mia', now() - ?::interval, now(), now() - interval '10 minutes', ?, " + expires + ")",
                WS, id, age, owner);
        return id;
    }
}
