package io.leadproof.imports.job;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.leadproof.common.Decimal;
import io.leadproof.common.MoneyInput;
import io.leadproof.common.UserError;
import io.leadproof.handoff.DealImportInputs;
import io.leadproof.handoff.DealImportInputs.DealImportInput;
import io.leadproof.handoff.DealsImportService;
import io.leadproof.imports.DealRow;
import io.leadproof.workspace.WorkspaceService;
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
    @Inject
    DealsImportService deals;
    @Inject
    WorkspaceService workspaces;

    static int cap(io.leadproof.imports.ImportKind kind) {
        return switch (kind) {
            case LEADS -> LeadService.IMPORT_CAP;
            case ACTIVITIES -> ActivityService.BATCH_CAP;
            case DEALS -> DealImportInputs.MAX_DEALS;
        };
    }

    Written write(List<?> values) {
        if (values.isEmpty()) {
            return new Written(0, 0, List.of());
        }
        if (values.getFirst() instanceof LeadInput) {
            return writeLeads(values.stream().map(LeadInput.class::cast).toList());
        }
        if (values.getFirst() instanceof DealRow) {
            return writeDeals(values.stream().map(DealRow.class::cast).toList());
        }
        return writeActivities(values.stream().map(ActivityRow.class::cast).toList());
    }

    /** Activity rows through activitiesRecord's batch, at most its cap per call (a part may hold a few more rows). */
    private Written writeActivities(List<ActivityRow> rows) {
        var total = new Written(0, 0, new ArrayList<>());
        for (int from = 0; from < rows.size(); from += ActivityService.BATCH_CAP) {
            var inputs = rows.subList(from, Math.min(rows.size(), from + ActivityService.BATCH_CAP)).stream()
                    .map(r -> new ActivityInput(r.clientEventId(), r.leadId(), r.leadExternalId(), r.leadEmail(), r.type(),
                            r.funnelStage(), r.contentTag(), r.occurredAt(), r.properties()))
                    .toList();
            var outcome = activities.record(inputs);
            total = add(total, from, new Written(outcome.recorded(), outcome.duplicates(), outcome.userErrors()));
        }
        return total;
    }

    /** Adds a call's outcome for the rows from {@code from} on, its error paths made relative to the whole list. */
    private static Written add(Written total, int from, Written call) {
        var errors = new ArrayList<>(total.errors());
        for (UserError e : call.errors()) {
            var path = new ArrayList<>(e.field());
            path.set(1, String.valueOf(from + Integer.parseInt(path.get(1))));
            errors.add(new UserError(List.copyOf(path), e.message(), e.code()));
        }
        return new Written(total.landed() + call.landed(), total.duplicates() + call.duplicates(), errors);
    }

    /**
     * Lead rows through the API's batch path (leadsImport's), all in the caller's transaction: a part in one call (it
     * holds about the API's cap, sometimes a few rows more), a part over {@link LeadService#PART_CAP} in calls of equal
     * size. Error paths are made relative to the whole list.
     */
    private Written writeLeads(List<LeadInput> rows) {
        var total = new Written(0, 0, new ArrayList<>());
        int size = evenShare(rows.size(), LeadService.PART_CAP);
        for (int from = 0; from < rows.size(); from += size) {
            var outcome = leads.upsertForCounts(rows.subList(from, Math.min(rows.size(), from + size)), "leads");
            total = add(total, from, new Written(outcome.createdCount(), outcome.updatedCount(), outcome.userErrors()));
        }
        return total;
    }

    /** The size of each of the fewest equal calls of at most {@code cap} rows that take {@code rows} rows. */
    static int evenShare(int rows, int cap) {
        int calls = Math.max(1, (rows + cap - 1) / cap);
        return Math.max(1, (rows + calls - 1) / calls);
    }

    /**
     * Deal rows through dealsImport (each row in a transaction of its own, so a dry run cannot roll them back: the
     * endpoint refuses dry runs of deals), at most its cap per call. A row whose externalDealId was imported before
     * counts as a duplicate.
     */
    private Written writeDeals(List<DealRow> rows) {
        var total = new Written(0, 0, new ArrayList<>());
        for (int from = 0; from < rows.size(); from += DealImportInputs.MAX_DEALS) {
            total = add(total, from, writeDealCall(rows.subList(from, Math.min(rows.size(), from + DealImportInputs.MAX_DEALS))));
        }
        return total;
    }

    private Written writeDealCall(List<DealRow> rows) {
        String currency = workspaces.current().reportingCurrency();
        var inputs = rows.stream().map(r -> new DealImportInput(r.externalDealId(), r.leadId(), r.leadExternalId(),
                r.leadEmail(), r.handedOffAt(), r.ownerId(), r.acceptedAt(), r.rejectedAt(), r.rejectionReasonCode(),
                r.rejectionNotes(), r.opportunityAt(), r.opportunityName(), r.wonAt(),
                r.wonAmount() == null ? null : new MoneyInput(Decimal.of(r.wonAmount()), r.wonCurrency() == null ? currency : r.wonCurrency()),
                r.lostAt(), r.lostReason(), r.firstCallAt(), r.firstCallNotes(), null, null)).toList();
        Set<String> known = deals.importedDealIds(rows.stream().map(DealRow::externalDealId).toList());
        var payload = deals.importDeals(inputs);
        var failed = new HashSet<Integer>();
        payload.userErrors().forEach(e -> failed.add(Integer.parseInt(e.field().get(1))));
        long landed = 0;
        long duplicates = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (!failed.contains(i)) {
                if (known.contains(rows.get(i).externalDealId())) {
                    duplicates++;
                } else {
                    landed++;
                }
            }
        }
        return new Written(landed, duplicates, payload.userErrors());
    }
}
