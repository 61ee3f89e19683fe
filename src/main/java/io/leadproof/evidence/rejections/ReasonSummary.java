package io.leadproof.evidence.rejections;

import io.leadproof.evidence.core.SignalResult;
import io.leadproof.feedback.RejectionCategory;

import java.util.List;

/**
 * One rejection reason (or, with a null code, one category) over the window: how many rejections,
 * their share of all rejections, the trend by month of handoff, and for a reason every candidate
 * signal compared between its rejections and the accepted handoffs (strongest first).
 */
public record ReasonSummary(String reasonCode, RejectionCategory category, int rejected, double share,
                            List<MonthCount> trend, List<SignalResult> signals) {
}
