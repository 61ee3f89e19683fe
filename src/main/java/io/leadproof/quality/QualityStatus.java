package io.leadproof.quality;

/**
 * Overall verdict of a lead's data. Rule: the status is the worst impact among its issues ({@link QualityCode#impact()});
 * a lead without issues, or with only facts (impact VALID, e.g. FREE_MAIL), is VALID.
 */
public enum QualityStatus {
    /** Nothing wrong found. */
    VALID,
    /** Probably usable but doubtful: a role address, a phone of another country, a duplicate, bot-like activity. */
    SUSPECT,
    /** Not a reachable, real contact: bad or bounced email, disposable or test address. */
    INVALID;

    public QualityStatus worse(QualityStatus other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
