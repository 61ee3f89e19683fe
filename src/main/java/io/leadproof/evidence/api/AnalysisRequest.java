package io.leadproof.evidence.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.leadproof.evidence.core.OutcomeGroup;
import io.leadproof.evidence.core.ReferenceMoment;
import io.leadproof.lead.LeadSource;

/**
 * A checked signal-analysis request: window [from, to), filters, both groups, the reference moment, the
 * sample size (null = all) and the signal keys to report (empty = all).
 */
public record AnalysisRequest(Instant from, Instant to, Filter filter, OutcomeGroup groupA, OutcomeGroup groupB,
                              ReferenceMoment moment, Integer sampleSize, List<String> signalKeys) {

    /** The cohort filters; empty sets mean all. */
    public record Filter(Set<UUID> campaignIds, Set<LeadSource> sources, Set<UUID> criteriaVersionIds, Set<String> owners) {
        public static final Filter NONE = new Filter(Set.of(), Set.of(), Set.of(), Set.of());

        public boolean isEmpty() {
            return campaignIds.isEmpty() && sources.isEmpty() && criteriaVersionIds.isEmpty() && owners.isEmpty();
        }
    }

    /** Whether the groups pick by outcome kind only, so the cohort may be cut to the most recent N per outcome. */
    public boolean byKindOnly() {
        return groupA.rejectedCategories().isEmpty() && groupB.rejectedCategories().isEmpty();
    }
}
