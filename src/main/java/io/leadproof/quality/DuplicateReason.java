package io.leadproof.quality;

/** Why two leads are taken for one person, strongest first. */
public enum DuplicateReason {
    SAME_EMAIL,
    SAME_PHONE,
    SAME_PERSON_AT_COMPANY
}
