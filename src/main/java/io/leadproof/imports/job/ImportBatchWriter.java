package io.leadproof.imports.job;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.leadproof.common.UserError;
import io.leadproof.imports.ActivityRow;
import io.leadproof.lead.ActivityService;
import io.leadproof.lead.ActivityTypes.ActivityInput;
import io.leadproof.lead.LeadInput;
import io.leadproof.lead.LeadService;

/**
 * Hands a batch of mapped rows to the API's own batch write path (the one {@code leadsImport} and
 * {@code activitiesRecord} take): the same validation, matching, scoring, data quality and metrics.
 */
@ApplicationScoped
class ImportBatchWriter {

    /** What the API path did with a batch; errors carry paths {@code [<list>, <index>, <field>…]}. */
    record Written(long landed, long duplicates, List<UserError> errors) {
    }

    @Inject
    LeadService leads;
    @Inject
    ActivityService activities;

    static int cap(io.leadproof.imports.ImportKind kind) {
        return switch (kind) {
            case LEADS -> LeadService.IMPORT_CAP;
            case ACTIVITIES -> ActivityService.BATCH_CAP;
            case DEALS -> throw new IllegalArgumentException("deal imports are not supported yet");
        };
    }

    Written write(List<?> values) {
        if (values.isEmpty()) {
            return new Written(0, 0, List.of());
        }
        if (values.getFirst() instanceof LeadInput) {
            var outcome = leads.upsertForCounts(values.stream().map(LeadInput.class::cast).toList(), "leads");
            return new Written(outcome.createdCount(), outcome.updatedCount(), outcome.userErrors());
        }
        var inputs = values.stream().map(ActivityRow.class::cast)
                .map(r -> new ActivityInput(r.clientEventId(), r.leadId(), r.leadExternalId(), r.leadEmail(), r.type(),
                        r.funnelStage(), r.contentTag(), r.occurredAt(), r.properties()))
                .toList();
        var outcome = activities.record(inputs);
        return new Written(outcome.recorded(), outcome.duplicates(), outcome.userErrors());
    }
}
