package io.leadproof.scoring;

import java.util.List;

/** Leads that became MQL in one scoring pass (fired once per pass, in its transaction, possibly empty), so they are handed off together. */
public record LeadsQualified(List<LeadQualified> leads) {

    public LeadsQualified {
        leads = List.copyOf(leads);
    }
}
