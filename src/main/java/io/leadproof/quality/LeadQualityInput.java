package io.leadproof.quality;

import java.time.Instant;
import java.util.List;

/**
 * Everything {@link LeadQualityChecks#assess} needs of one lead, read by the caller in set-based queries.
 *
 * @param lead                 the lead's identity fields as stored
 * @param lastBounceAt         latest EMAIL_BOUNCED activity, or null
 * @param emailSetAt           when the current email was set, or null if unknown
 * @param duplicateCandidates  leads sharing a {@link DuplicateKeys} key with this one (itself excluded or not)
 * @param bots                 the lead's bot findings ({@link BotCheck}), or {@link QualityReport#VALID}
 * @param asOf                 the moment of the write or report
 */
public record LeadQualityInput(PersonIdentity lead, Instant lastBounceAt, Instant emailSetAt,
        List<PersonIdentity> duplicateCandidates, QualityReport bots, Instant asOf) {

    public LeadQualityInput {
        duplicateCandidates = duplicateCandidates == null ? List.of() : List.copyOf(duplicateCandidates);
        bots = bots == null ? QualityReport.VALID : bots;
    }

    /** A lead judged on its own fields only: no bounces, duplicates or activities known. */
    public static LeadQualityInput fieldsOnly(PersonIdentity lead, Instant asOf) {
        return new LeadQualityInput(lead, null, null, List.of(), QualityReport.VALID, asOf);
    }
}
