package io.leadproof.evidence.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The one home of the outcome rule (docs/evidence.md, "Outcomes"): the SQL function {@code evidence_outcome}, through
 * {@code evidence_outcome_of} as the cohort reads call it (kind, since, and the reason of a REJECTED outcome), asked in
 * the database for instants before, at and after each fact of a handoff.
 */
@QuarkusTest
class EvidenceOutcomeSqlTest {
    static final Instant HANDOFF = Instant.parse("2025-01-01T09:00:00Z");
    static final Duration STALL = Duration.ofDays(30);

    @Inject
    AgroalDataSource ds;

    static Instant day(int n) {
        return HANDOFF.plus(Duration.ofDays(n));
    }

    /** A handoff's facts: each null when it never happened. */
    record Facts(Instant accepted, Instant opportunity, Instant won, Instant lost, Instant rejected, String code,
            String category, Instant lastTouch) {
        static Facts handedOff() {
            return new Facts(null, null, null, null, null, null, null, null);
        }

        Facts accepted(Instant at) {
            return new Facts(at, opportunity, won, lost, rejected, code, category, lastTouch);
        }

        Facts opportunity(Instant at) {
            return new Facts(accepted, at, won, lost, rejected, code, category, lastTouch);
        }

        Facts won(Instant at) {
            return new Facts(accepted, opportunity, at, lost, rejected, code, category, lastTouch);
        }

        Facts lost(Instant at) {
            return new Facts(accepted, opportunity, won, at, rejected, code, category, lastTouch);
        }

        Facts rejected(Instant at, String reason, String inCategory) {
            return new Facts(accepted, opportunity, won, lost, at, reason, inCategory, lastTouch);
        }

        Facts touched(Instant at) {
            return new Facts(accepted, opportunity, won, lost, rejected, code, category, at);
        }
    }

    /** "KIND since CODE CATEGORY" as evidence_outcome_of answers as of t; evidence_outcome must give the same kind. */
    String at(Facts f, Instant t) throws SQLException {
        try (var c = ds.getConnection(); var ps = c.prepareStatement("select o.kind, o.since, o.code, o.category,"
                + " evidence_outcome(?, ?, ?, ?, ?, ?, ?, ?, make_interval(secs => ?)) from evidence_outcome_of(?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, make_interval(secs => ?)) o")) {
            Instant[] times = {HANDOFF, f.accepted(), f.opportunity(), f.won(), f.lost(), f.rejected()};
            int i = 1;
            for (Instant time : times) {
                ps.setTimestamp(i++, ts(time));
            }
            ps.setTimestamp(i++, ts(f.lastTouch()));
            ps.setTimestamp(i++, ts(t));
            ps.setDouble(i++, STALL.toSeconds());
            for (Instant time : times) {
                ps.setTimestamp(i++, ts(time));
            }
            ps.setString(i++, f.code());
            ps.setString(i++, f.category());
            ps.setTimestamp(i++, ts(f.lastTouch()));
            ps.setTimestamp(i++, ts(t));
            ps.setDouble(i, STALL.toSeconds());
            try (var rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(5)).as("evidence_outcome").isEqualTo(rs.getString(1));
                String out = rs.getString(1) + " " + rs.getTimestamp(2).toInstant();
                return rs.getString(3) == null ? out : out + " " + rs.getString(3) + " " + rs.getString(4);
            }
        }
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    @Test
    void a_deal_is_won_from_its_close_on_and_not_before() throws SQLException {
        Facts f = Facts.handedOff().accepted(day(1)).opportunity(day(10)).won(day(20));
        assertThat(at(f, day(0))).isEqualTo("OPEN " + HANDOFF);
        assertThat(at(f, day(20).minusSeconds(1))).as("a close after the instant is ignored").isEqualTo("OPEN " + HANDOFF);
        assertThat(at(f, day(20))).isEqualTo("WON " + day(20));
        assertThat(at(f, day(400))).isEqualTo("WON " + day(20));
    }

    @Test
    void a_lost_deal_counts_as_lost_only_once_closed() throws SQLException {
        Facts f = Facts.handedOff().accepted(day(1)).lost(day(5));
        assertThat(at(f, day(4))).isEqualTo("OPEN " + HANDOFF);
        assertThat(at(f, day(5))).isEqualTo("LOST " + day(5));
    }

    @Test
    void a_rejection_carries_its_reason_and_category_from_the_moment_it_was_logged() throws SQLException {
        Facts f = Facts.handedOff().rejected(day(2), "NO_BUDGET", "BUDGET");
        assertThat(at(f, day(1))).as("no reason before the rejection").isEqualTo("OPEN " + HANDOFF);
        assertThat(at(f, day(2))).isEqualTo("REJECTED " + day(2) + " NO_BUDGET BUDGET");
    }

    @Test
    void an_accepted_lead_stalls_at_exactly_thirty_quiet_days() throws SQLException {
        Facts f = Facts.handedOff().accepted(day(1));
        assertThat(at(f, day(31).minusSeconds(1))).isEqualTo("OPEN " + HANDOFF);
        assertThat(at(f, day(31))).isEqualTo("STALLED " + day(31));
        assertThat(at(f, day(90))).as("stalled since the quiet period ran out").isEqualTo("STALLED " + day(31));
    }

    @Test
    void a_touch_restarts_the_clock_and_a_touch_after_the_instant_does_not_count() throws SQLException {
        Facts f = Facts.handedOff().accepted(day(1)).touched(day(10));
        assertThat(at(f, day(31))).as("20 days after the touch").isEqualTo("OPEN " + HANDOFF);
        assertThat(at(f, day(40).minusSeconds(1))).isEqualTo("OPEN " + HANDOFF);
        assertThat(at(f, day(40))).isEqualTo("STALLED " + day(40));
        Facts later = Facts.handedOff().accepted(day(1)).touched(day(45));
        assertThat(at(later, day(31))).as("the touch of day 45 is after the instant").isEqualTo("STALLED " + day(31));
        assertThat(at(later, day(50))).as("the touch of day 45 revived it").isEqualTo("OPEN " + HANDOFF);
    }

    @Test
    void an_opportunity_restarts_the_clock_and_a_later_close_wins() throws SQLException {
        Facts f = Facts.handedOff().accepted(day(1)).opportunity(day(25));
        assertThat(at(f, day(40))).isEqualTo("OPEN " + HANDOFF);
        assertThat(at(f, day(55))).isEqualTo("STALLED " + day(55));
        assertThat(at(f.won(day(90)), day(60))).isEqualTo("STALLED " + day(55));
        assertThat(at(f.won(day(90)), day(90))).isEqualTo("WON " + day(90));
    }

    @Test
    void a_handoff_nobody_answered_is_open_not_stalled() throws SQLException {
        assertThat(at(Facts.handedOff(), day(365))).isEqualTo("OPEN " + HANDOFF);
        assertThat(at(Facts.handedOff().touched(day(2)), day(365))).isEqualTo("OPEN " + HANDOFF);
    }
}
