package io.leadproof.lead;

import java.util.List;

import io.leadproof.common.UserError;

/** What a batch upsert did: per row the lead (null when the row failed) and whether it was new. */
public record LeadImportOutcome(List<Lead> leads, List<Boolean> created, List<UserError> userErrors) {

    public int createdCount() {
        return (int) created.stream().filter(Boolean.TRUE::equals).count();
    }

    public int updatedCount() {
        return (int) created.stream().filter(Boolean.FALSE::equals).count();
    }
}
