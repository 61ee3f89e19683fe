package io.leadproof.quality;

/**
 * One finding of a check.
 *
 * @param code    what was found
 * @param field   the lead field it concerns, as named in the API ({@code email}, {@code phone}, {@code firstName}…),
 *                or {@code activities} for bot findings
 * @param message for a person; names the value's part that is wrong (the domain, the other lead's id…)
 * @param relatedLeadId the other lead of a DUPLICATE finding ({@link PersonIdentity#leadId}), else null
 */
public record QualityIssue(QualityCode code, String field, String message, String relatedLeadId) {

    public QualityIssue(QualityCode code, String field, String message) {
        this(code, field, message, null);
    }
}
