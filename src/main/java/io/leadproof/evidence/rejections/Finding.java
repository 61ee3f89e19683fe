package io.leadproof.evidence.rejections;

import io.leadproof.evidence.core.SignalResult;
import io.leadproof.feedback.RejectionCategory;

/**
 * A signal over-represented among the rejections of one reason (verdict STRONG or SUGGESTIVE), in
 * plain words: "71 % of NO_BUDGET rejections had budget status unknown at handoff; those are rejected
 * for NO_BUDGET 3.9× as often as leads with a stated budget status."
 *
 * @param shareOfReason  the share of this reason's rejections that show the signal
 * @param rejectionLift  rejected-for-the-reason rate among decided handoffs (this reason's rejections
 *                       and the accepted) with the signal / the same rate without it; null when every
 *                       such rejection shows it
 */
public record Finding(String reasonCode, RejectionCategory category, SignalResult statistics, double shareOfReason,
                      Double rejectionLift, String sentence) {
}
