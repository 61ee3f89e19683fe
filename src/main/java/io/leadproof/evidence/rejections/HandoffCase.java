package io.leadproof.evidence.rejections;

import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.feedback.RejectionCategory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One handoff of the window as sales answered it, one row of a set-based read of the handoff table
 * with its frozen evidence: the rules that contributed to the score frozen at handoff, and the lead
 * as frozen then ({@link ReferenceLead} with the handoff as reference moment: traits, campaign,
 * source, channel; read without activities and first-call signals, which the insights do not compare).
 *
 * @param response      ACCEPTED when sales ever accepted it (won, lost and stalled deals included)
 * @param reasonCode    for REJECTED: the rejection reason code; category its category
 * @param contributions the rules of the frozen score, by key with their labels
 */
public record HandoffCase(Instant handedOffAt, Response response, String reasonCode, RejectionCategory category,
                          List<RuleHit> contributions, ReferenceLead lead) {

    public HandoffCase {
        Objects.requireNonNull(handedOffAt, "handedOffAt");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(lead, "lead");
        contributions = contributions == null ? List.of() : List.copyOf(contributions);
        if (response == Response.REJECTED && (reasonCode == null || category == null)) {
            throw new IllegalArgumentException("a rejected handoff carries its reason code and category");
        }
    }

    /** How sales answered. */
    public enum Response { PENDING, ACCEPTED, REJECTED }

    /** A rule that contributed to the frozen score. */
    public record RuleHit(String ruleKey, String label) {
        public RuleHit {
            Objects.requireNonNull(ruleKey, "ruleKey");
        }
    }
}
