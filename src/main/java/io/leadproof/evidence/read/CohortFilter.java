package io.leadproof.evidence.read;

import java.util.List;
import java.util.UUID;

import io.leadproof.lead.LeadSource;

/**
 * Which leads of a cohort window count: an empty (or null) list means all. Campaign and source are the lead's as of
 * its reference moment; criteria version and owner are the handoff's (a filter on either leaves out leads never
 * handed off).
 */
public record CohortFilter(List<UUID> campaignIds, List<LeadSource> sources, List<UUID> criteriaVersionIds,
        List<String> ownerIds) {

    public static final CohortFilter ALL = new CohortFilter(List.of(), List.of(), List.of(), List.of());

    public CohortFilter {
        campaignIds = campaignIds == null ? List.of() : List.copyOf(campaignIds);
        sources = sources == null ? List.of() : List.copyOf(sources);
        criteriaVersionIds = criteriaVersionIds == null ? List.of() : List.copyOf(criteriaVersionIds);
        ownerIds = ownerIds == null ? List.of() : List.copyOf(ownerIds);
    }

    /** True when the filter needs a handoff (version or owner). */
    public boolean onHandoff() {
        return !criteriaVersionIds.isEmpty() || !ownerIds.isEmpty();
    }
}
