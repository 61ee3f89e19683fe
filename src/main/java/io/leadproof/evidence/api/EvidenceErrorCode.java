package io.leadproof.evidence.api;

/** The codes of the evidence operations' user errors (UserError.code carries the name). */
public enum EvidenceErrorCode {
    /** The window ends before (or when) it starts. */
    WINDOW_REVERSED,
    /** The window is longer than five years. */
    WINDOW_TOO_LONG,
    /** A window boundary lies in the future. */
    WINDOW_IN_FUTURE,
    /** A group names no outcome, OPEN, or categories without REJECTED. */
    INVALID_GROUP,
    /** Some outcome would belong to both groups. */
    GROUPS_OVERLAP,
    /** The sample size is outside 1..100000. */
    SAMPLE_SIZE_OUT_OF_RANGE,
    /** The reference moment's days are missing or outside 0..365. */
    INVALID_REFERENCE_MOMENT,
    /** A signal key names no candidate of this analysis. */
    UNKNOWN_SIGNAL,
    /** An id names nothing of this workspace. */
    NOT_FOUND,
    /** A group has no decided lead in the cohort. */
    EMPTY_GROUP,
    /** A text value is too long or holds control characters. */
    INVALID_TEXT,
    /** The job is no longer QUEUED or RUNNING. */
    NOT_RUNNING;

    public io.leadproof.common.UserError error(String message, String... field) {
        return io.leadproof.common.UserError.of(io.leadproof.common.UserErrorCode.valueOf(name()), message, field);
    }
}
