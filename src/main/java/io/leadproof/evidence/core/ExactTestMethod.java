package io.leadproof.evidence.core;

/** Which exact test produced a p-value; see {@link ExactTest} for the rule. */
public enum ExactTestMethod {
    /** Boschloo's unconditional exact test (small groups). */
    BOSCHLOO,
    /** Fisher's exact test (larger groups). */
    FISHER
}
