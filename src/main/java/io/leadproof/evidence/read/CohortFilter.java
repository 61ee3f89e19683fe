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
        List<String> ownerIds, List<UUID> leadIds) {

    public static final CohortFilter ALL = new CohortFilter(List.of(), List.of(), List.of(), List.of());

    public CohortFilter(List<UUID> campaignIds, List<LeadSource> sources, List<UUID> criteriaVersionIds, List<String> ownerIds) {
        this(campaignIds, sources, criteriaVersionIds, ownerIds, List.of());
    }

    public CohortFilter {
        leadIds = leadIds == null ? List.of() : List.copyOf(leadIds);
        campaignIds = campaignIds == null ? List.of() : List.copyOf(campaignIds);
        sources = sources == null ? List.of() : List.copyOf(sources);
        criteriaVersionIds = criteriaVersionIds == null ? List.of() : List.copyOf(criteriaVersionIds);
        ownerIds = ownerIds == null ? List.of() : List.copyOf(ownerIds);
    }

    /** Only these leads (a page of a kept analysis' deals). */
    public CohortFilter withLeadIds(List<UUID> ids) {
        return new CohortFilter(campaignIds, sources, criteriaVersionIds, ownerIds, ids);
    }

    /** True when the filter needs a handoff (version or owner). */
    public boolean onHandoff() {
        return !criteriaVersionIds.isEmpty() || !ownerIds.isEmpty();
    }
}
