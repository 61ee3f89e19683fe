package io.leadproof.evidence.core;

/** How sure the analysis is about a signal; see {@link SignalStatistics} for the rule. */
public enum Verdict {
    /** q < 0.05 and at least 5 leads with the signal in the richer group. */
    STRONG,
    /** p < 0.1 but not strong. */
    SUGGESTIVE,
    /** Neither. */
    NOT_ENOUGH_EVIDENCE
}
