package io.leadproof.imports;

/** State of an imported deal: still open, closed won, or closed lost. */
public enum DealOutcome {
    OPEN,
    WON,
    LOST
}
