package io.leadproof.evidence.backtesting;

/** Which way a lead changes side between the tested version and the one compared with. */
enum ChangedSide {
    /** Qualified by the tested version, not by the compared one. */
    NEWLY_QUALIFIED,
    /** Qualified by the compared version, not by the tested one. */
    NEWLY_EXCLUDED
}
