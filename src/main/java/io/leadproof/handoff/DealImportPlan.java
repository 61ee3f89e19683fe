package io.leadproof.handoff;

import io.leadproof.common.UserErrorCode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.leadproof.common.InputProblems;
import io.leadproof.handoff.DealImportInputs.DealImportInput;

/**
 * One deal row, checked: its texts clean, its times in the past and in order, its outcome consistent. The steps come in
 * the order they happened, each at its stated time.
 */
record DealImportPlan(String externalDealId, String owner, Instant handedOffAt, Instant acceptedAt, Instant rejectedAt,
        String reasonCode, String rejectionNotes, Instant opportunityAt, String opportunityName, Instant wonAt,
        BigDecimal wonAmount, Instant lostAt, String lostReason, Instant firstCallAt, String firstCallNotes, List<String> signals) {

    enum Step { ACCEPT, TOUCH, OPPORTUNITY, REJECT, WIN, LOSE }

    record TimedStep(Step step, Instant at) {
    }

    /** The plan of a row, or null with its problems added. */
    static DealImportPlan check(DealImportInput in, Instant now, String currency, InputProblems p) {
        String deal = p.text(in.externalDealId(), 200, "externalDealId");
        if (deal == null && p.isEmpty()) {
            p.add(UserErrorCode.REQUIRED, "externalDealId must not be blank", "externalDealId");
        }
        long refs = java.util.stream.Stream.of(in.leadId(), in.leadExternalId(), in.leadEmail()).filter(v -> v != null && !v.isBlank()).count();
        if (refs > 1 || (refs == 0 && in.lead() == null)) {
            p.add(UserErrorCode.LEAD_REFERENCE, "name the lead by exactly one of leadId, leadExternalId, leadEmail (or give its traits in lead)", "leadId");
        }
        String owner = p.text(in.ownerId(), 100, "ownerId");
        Instant handedOff = past(in.handedOffAt(), now, "handedOffAt", p);
        if (in.handedOffAt() == null) {
            p.add(UserErrorCode.REQUIRED, "handedOffAt is required", "handedOffAt");
        }
        Instant accepted = past(in.acceptedAt(), now, "acceptedAt", p);
        Instant rejected = past(in.rejectedAt(), now, "rejectedAt", p);
        Instant opportunity = past(in.opportunityAt(), now, "opportunityAt", p);
        Instant won = past(in.wonAt(), now, "wonAt", p);
        Instant lost = past(in.lostAt(), now, "lostAt", p);
        Instant firstCall = past(in.firstCallAt(), now, "firstCallAt", p);
        String reason = p.text(in.rejectionReasonCode(), 40, "rejectionReasonCode");
        String notes = p.text(in.rejectionNotes(), 2000, "rejectionNotes");
        String oppName = p.text(in.opportunityName(), 200, "opportunityName");
        String lostReason = p.text(in.lostReason(), 500, "lostReason");
        String callNotes = p.text(in.firstCallNotes(), 2000, "firstCallNotes");
        List<String> signals = in.firstCallSignals() == null ? List.of() : in.firstCallSignals();
        BigDecimal amount = null;
        if (in.wonAmount() != null) {
            amount = p.amount(in.wonAmount().amount(), currency, "wonAmount");
            if (!currency.equals(in.wonAmount().currency())) {
                p.add(UserErrorCode.CURRENCY_MISMATCH, "amounts are recorded in the reporting currency " + currency, "wonAmount");
            }
        }
        if (won != null && lost != null) {
            p.add(UserErrorCode.CONFLICTING_OUTCOMES, "a deal is won or lost, not both", "lostAt");
        }
        if (rejected != null && (opportunity != null || won != null || lost != null)) {
            p.add(UserErrorCode.CONFLICTING_OUTCOMES, "a rejected handoff has no opportunity, win or loss", "rejectedAt");
        }
        if ((in.rejectedAt() == null) != (in.rejectionReasonCode() == null)) {
            p.add(UserErrorCode.REQUIRED, "rejectedAt and rejectionReasonCode go together", in.rejectedAt() == null ? "rejectedAt" : "rejectionReasonCode");
        }
        requires(opportunity, accepted, "opportunityAt", "acceptedAt", p);
        requires(won, opportunity, "wonAt", "opportunityAt", p);
        requires(lost, opportunity, "lostAt", "opportunityAt", p);
        if (won != null && in.wonAmount() == null) {
            p.add(UserErrorCode.REQUIRED, "a won deal needs wonAmount", "wonAmount");
        }
        if (lost != null && lostReason == null) {
            p.add(UserErrorCode.REQUIRED, "a lost deal needs lostReason", "lostReason");
        }
        if (!signals.isEmpty() && in.firstCallAt() == null) {
            p.add(UserErrorCode.REQUIRED, "first-call signals need firstCallAt", "firstCallAt");
        }
        Instant end = first(won, lost, rejected);
        notBefore(accepted, handedOff, "acceptedAt", "handedOffAt", p);
        notBefore(rejected, accepted != null ? accepted : handedOff, "rejectedAt", accepted != null ? "acceptedAt" : "handedOffAt", p);
        notBefore(opportunity, accepted, "opportunityAt", "acceptedAt", p);
        notBefore(won, opportunity, "wonAt", "opportunityAt", p);
        notBefore(lost, opportunity, "lostAt", "opportunityAt", p);
        notBefore(firstCall, handedOff, "firstCallAt", "handedOffAt", p);
        if (firstCall != null && end != null && firstCall.isAfter(end)) {
            p.add(UserErrorCode.OUT_OF_ORDER, "firstCallAt must not lie after the deal ended", "firstCallAt");
        }
        if (!p.isEmpty()) {
            return null;
        }
        return new DealImportPlan(deal, owner, handedOff, accepted, rejected, reason, notes, opportunity,
                oppName == null ? deal : oppName, won, amount, lost, lostReason, firstCall, callNotes, List.copyOf(signals));
    }

    /** The steps after the handoff, in the order they happened (same instant: accept, touch, opportunity, close). */
    List<TimedStep> steps() {
        var steps = new ArrayList<TimedStep>();
        add(steps, Step.ACCEPT, acceptedAt);
        add(steps, Step.TOUCH, firstCallAt);
        add(steps, Step.OPPORTUNITY, opportunityAt);
        add(steps, Step.REJECT, rejectedAt);
        add(steps, Step.WIN, wonAt);
        add(steps, Step.LOSE, lostAt);
        steps.sort(Comparator.comparing(TimedStep::at).thenComparing(TimedStep::step));
        return steps;
    }

    private static void add(List<TimedStep> steps, Step step, Instant at) {
        if (at != null) {
            steps.add(new TimedStep(step, at));
        }
    }

    private static Instant past(OffsetDateTime t, Instant now, String field, InputProblems p) {
        if (t == null) {
            return null;
        }
        if (t.toInstant().isAfter(now)) {
            p.add(UserErrorCode.IN_FUTURE, field + " must not lie in the future", field);
            return null;
        }
        return t.toInstant();
    }

    private static void requires(Instant value, Instant needed, String field, String neededField, InputProblems p) {
        if (value != null && needed == null) {
            p.add(UserErrorCode.REQUIRED, field + " needs " + neededField, neededField);
        }
    }

    private static void notBefore(Instant later, Instant earlier, String field, String earlierField, InputProblems p) {
        if (later != null && earlier != null && later.isBefore(earlier)) {
            p.add(UserErrorCode.OUT_OF_ORDER, field + " must not lie before " + earlierField, field);
        }
    }

    private static Instant first(Instant... values) {
        return java.util.Arrays.stream(values).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }
}
