package io.leadproof.quality;

/**
 * A lead another one duplicates.
 *
 * @param otherLeadId the other lead's id, as its {@link PersonIdentity#leadId()}
 * @param similarity  Jaro-Winkler similarity of the two full names (1 for identical), for ordering and display
 */
public record DuplicateMatch(String otherLeadId, DuplicateReason reason, double similarity) {
}
