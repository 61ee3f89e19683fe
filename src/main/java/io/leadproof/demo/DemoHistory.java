package io.leadproof.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.leadproof.common.Decimal;
import io.leadproof.common.MoneyInput;
import io.leadproof.handoff.DealImportInputs.DealImportInput;
import io.leadproof.lead.LeadInput;
import io.leadproof.lead.LeadSource;

/**
 * Six months of deal history for a demo workspace, deterministic per seed, with planted first-call signals: won deals
 * had a confirmed budget and an engaged decision maker far more often than lost or stalled ones, which more often were
 * "just researching". Pain stated is planted at the same rate everywhere (a signal that tells nothing). Rejections
 * carry reasons and notes. The leads are plain contacts (no traits a model scores), so none qualifies on its own.
 */
final class DemoHistory {

    enum End { WON, LOST, STALLED, REJECTED }

    record Deal(LeadInput lead, DealImportInput deal) {
    }

    private static final String[] REJECTIONS = { "NO_BUDGET", "NO_AUTHORITY", "BAD_TIMING", "NOT_ICP", "STUDENT_OR_JOB_SEEKER" };
    private static final String[] REJECTION_NOTES = { "No budget until next fiscal year", "Talked to an intern; no access to the buyer",
            "Re-platforming first, back in Q3", "Two-person agency, far below our ICP", "Student writing a thesis on RevOps" };
    private static final String[] LOST_REASONS = { "Chose a competitor", "Price", "Project cancelled", "Went with in-house build" };

    private final Random random;
    private final Instant now;
    private final String currency;

    DemoHistory(long seed, Instant now, String currency) {
        this.random = new Random(seed * 31 + 7);
        this.now = now;
        this.currency = currency;
    }

    /** {@code count} deals: 30 % won, 20 % lost, 25 % stalled, 25 % rejected, handed off 45 to 180 days ago. */
    List<Deal> deals(String workspace, int count, List<String> owners) {
        var result = new ArrayList<Deal>(count);
        for (int i = 0; i < count; i++) {
            End end = i % 20 < 6 ? End.WON : i % 20 < 10 ? End.LOST : i % 20 < 15 ? End.STALLED : End.REJECTED;
            Instant handedOff = now.minus(Duration.ofHours(45 * 24 + random.nextInt(135 * 24)));
            Instant created = handedOff.minus(Duration.ofHours(24 + random.nextInt(20 * 24)));
            String id = workspace + "-history-" + i;
            var lead = new LeadInput(id, "buyer" + i + "@" + workspace + "-history.contoso.com", "Buyer", "No. " + i, null,
                    "History Customer " + i, null, null, null, null, null, null, pick(LeadSource.values()), null, null, null, null, null,
                    null, null, null, at(created), null);
            result.add(new Deal(lead, deal(id, end, handedOff, owners.get(i % owners.size()))));
        }
        return result;
    }

    private DealImportInput deal(String id, End end, Instant handedOff, String owner) {
        if (end == End.REJECTED) {
            int r = random.nextInt(REJECTIONS.length);
            return new DealImportInput(id + "-deal", null, id, null, at(handedOff), owner, null,
                    at(handedOff.plus(Duration.ofHours(2 + random.nextInt(40)))), REJECTIONS[r], REJECTION_NOTES[r],
                    null, null, null, null, null, null, null, null, null, null);
        }
        boolean won = end == End.WON;
        Instant accepted = handedOff.plus(Duration.ofHours(1 + random.nextInt(48)));
        Instant call = accepted.plus(Duration.ofHours(1 + random.nextInt(96)));
        var signals = new ArrayList<String>();
        plant(signals, "BUDGET_CONFIRMED", won ? 0.75 : 0.2);
        plant(signals, "DECISION_MAKER_ENGAGED", won ? 0.7 : 0.25);
        plant(signals, "PAIN_STATED", 0.55);
        plant(signals, "JUST_RESEARCHING", won ? 0.05 : 0.45);
        if (end == End.STALLED) {
            return new DealImportInput(id + "-deal", null, id, null, at(handedOff), owner, at(accepted), null, null, null, null, null,
                    null, null, null, null, at(call), "First call: " + String.join(", ", signals), signals, null);
        }
        Instant opportunity = call.plus(Duration.ofHours(24 + random.nextInt(10 * 24)));
        Instant closed = min(opportunity.plus(Duration.ofHours(24 * (10 + random.nextInt(50)))), now.minus(Duration.ofDays(1)));
        MoneyInput amount = new MoneyInput(new Decimal((5_000 + 500 * random.nextInt(110)) + ".00"), currency);
        return new DealImportInput(id + "-deal", null, id, null, at(handedOff), owner, at(accepted), null, null, null, at(opportunity),
                "Opportunity " + id, won ? at(closed) : null, won ? amount : null, won ? null : at(closed),
                won ? null : LOST_REASONS[random.nextInt(LOST_REASONS.length)], at(call), "First call: " + String.join(", ", signals),
                signals, null);
    }

    private void plant(List<String> signals, String code, double rate) {
        if (random.nextDouble() < rate) {
            signals.add(code);
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static OffsetDateTime at(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
