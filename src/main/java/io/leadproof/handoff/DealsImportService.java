package io.leadproof.handoff;

import io.leadproof.common.UserErrorCode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.leadproof.common.InputProblems;
import io.leadproof.common.NodeId;
import io.leadproof.common.UserError;
import io.leadproof.feedback.FirstCallSignalCodes;
import io.leadproof.feedback.RejectionReason;
import io.leadproof.handoff.DealImportInputs.DealImportInput;
import io.leadproof.handoff.DealImportInputs.Payload;
import io.leadproof.handoff.HandoffTypes.HandoffView;
import io.leadproof.lead.EmailAddresses;
import io.leadproof.lead.Lead;
import io.leadproof.security.CurrentWorkspace;
import io.leadproof.workspace.WorkspaceService;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Owns dealsImport: a CRM's deal history as imported handoffs. Each row lands in its own transaction, so a refused
 * row loses nothing of the others; a re-import of a deal id updates its handoff with the steps it lacks.
 */
@ApplicationScoped
public class DealsImportService {

    @Inject
    Clock clock;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    WorkspaceService workspaces;
    @Inject
    EvidenceReader evidence;
    @Inject
    FirstCallSignalCodes signalCodes;
    @Inject
    ImportedDeals deals;
    @Inject
    io.leadproof.lead.LeadService leads;

    private record RowResult(HandoffView handoff, List<UserError> errors) {
    }

    /** A refused row that wrote something (its lead's traits): thrown to roll its transaction back. */
    private static final class RowRefused extends RuntimeException {
        final transient List<UserError> errors;

        RowRefused(List<UserError> errors) {
            super("row refused", null, false, false);
            this.errors = errors;
        }
    }

    public Payload importDeals(List<DealImportInput> rows) {
        if (rows == null || rows.isEmpty() || rows.size() > DealImportInputs.MAX_DEALS) {
            return new Payload(List.of(), List.of(UserError.of(UserErrorCode.OUT_OF_RANGE,
                    "deals must hold 1.." + DealImportInputs.MAX_DEALS + " deals", "deals")));
        }
        var handoffs = new ArrayList<HandoffView>();
        var errors = new ArrayList<UserError>();
        var seen = new HashSet<String>();
        for (int i = 0; i < rows.size(); i++) {
            DealImportInput row = rows.get(i);
            if (row == null) {
                errors.add(UserError.of(UserErrorCode.REQUIRED, "a deal must not be null", "deals", String.valueOf(i)));
                continue;
            }
            if (row.externalDealId() != null && !seen.add(row.externalDealId().strip())) {
                errors.add(UserError.of(UserErrorCode.DUPLICATE, "externalDealId appears twice in this batch", "deals", String.valueOf(i), "externalDealId"));
                continue;
            }
            int index = i;
            RowResult result;
            try {
                result = QuarkusTransaction.requiringNew().call(() -> importRow(index, row));
            } catch (RowRefused refused) {
                result = new RowResult(null, refused.errors); // rolled back: the lead's traits, if upserted, go with the row
            } catch (RuntimeException e) {
                if (!fromTheDatabase(e)) {
                    throw e;
                }
                // a concurrent import of the same deal or lead won the race; this row rolled back alone
                result = new RowResult(null, List.of(UserError.of(UserErrorCode.CONFLICT, "the deal or its lead changed concurrently; import the row again",
                        "deals", String.valueOf(i), "externalDealId")));
            }
            if (result.handoff() != null) {
                handoffs.add(result.handoff());
            }
            errors.addAll(result.errors());
        }
        return new Payload(handoffs, errors);
    }

    private static boolean fromTheDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.PersistenceException || t instanceof java.sql.SQLException
                    || t instanceof jakarta.transaction.RollbackException) {
                return true;
            }
        }
        return false;
    }

    /** Which of these CRM deal ids were imported already (in this workspace). */
    public java.util.Set<String> importedDealIds(java.util.Collection<String> externalDealIds) {
        var wanted = externalDealIds.stream().filter(java.util.Objects::nonNull).map(String::strip).distinct().toList();
        if (wanted.isEmpty()) {
            return java.util.Set.of();
        }
        return QuarkusTransaction.requiringNew().call(() -> Handoff.<Handoff>list("externalDealId in ?1", wanted).stream()
                .map(Handoff::externalDealId).collect(java.util.stream.Collectors.toSet()));
    }

    /** How many imported handoffs the workspace holds. */
    public long importedCount() {
        return QuarkusTransaction.requiringNew().call(() -> Handoff.count("imported = true"));
    }

    private RowResult importRow(int i, DealImportInput row) {
        String index = String.valueOf(i);
        var p = new InputProblems("deals", index);
        Instant now = clock.instant();
        var plan = DealImportPlan.check(row, now, workspaces.current().reportingCurrency(), p);
        var errors = new ArrayList<>(p.errors());
        for (UserError e : signalCodes.check(row.firstCallSignals())) {
            var path = new ArrayList<>(List.of("deals", index, "firstCallSignals"));
            path.addAll(e.field().subList(1, e.field().size()));
            errors.add(new UserError(List.copyOf(path), e.message(), e.code()));
        }
        Optional<RejectionReason> reason = Optional.empty();
        if (row.rejectionReasonCode() != null) {
            reason = RejectionReason.find("code", row.rejectionReasonCode().strip()).firstResultOptional();
            if (reason.isEmpty()) {
                errors.add(UserError.of(UserErrorCode.UNKNOWN_REASON, "rejectionReasonCode is no reason code of this workspace",
                        "deals", index, "rejectionReasonCode"));
            }
        }
        Lead lead = errors.isEmpty() ? upsertTraits(row, index, errors) : null;
        Lead named = lead(row, index, errors);
        if (lead != null && named != null && !lead.id().equals(named.id())) {
            errors.add(UserError.of(UserErrorCode.LEAD_REFERENCE, "the lead's traits and the lead reference name different leads", "deals", index, "lead"));
        }
        lead = lead == null ? named : lead;
        var version = evidence.handoffVersion();
        if (version.isEmpty()) {
            errors.add(UserError.of(UserErrorCode.NO_HANDOFF_MODEL, "no criteria model drives handoffs", "deals", index));
        }
        if (!errors.isEmpty()) {
            if (row.lead() != null) {
                throw new RowRefused(errors);
            }
            return new RowResult(null, errors);
        }
        var outcome = deals.land(plan, lead, reason.orElse(null), version.get(), workspaces.current().reportingCurrency(), workspace.actor());
        if (outcome.error() != null) {
            // thrown, not marked rollback-only: a rollback-only commit throws, and the row would read as a CONFLICT
            var e = outcome.error();
            throw new RowRefused(List.of(UserError.of(e.code(), e.getMessage(), "deals", index,
                    e.field() == null || e.field().equals("handoffId") ? "externalDealId" : e.field())));
        }
        return new RowResult(HandoffView.of(outcome.handoff(), false), List.of());
    }

    /** The lead's traits as of their observedAt (default handedOffAt), through the lead upsert path; null when none given. */
    private Lead upsertTraits(DealImportInput row, String index, List<UserError> errors) {
        if (row.lead() == null) {
            return null;
        }
        var outcome = leads.upsert(List.of(row.leadAsObserved()));
        for (UserError e : outcome.userErrors()) {
            var path = new ArrayList<>(List.of("deals", index, "lead"));
            path.addAll(e.field());
            errors.add(new UserError(List.copyOf(path), e.message(), e.code()));
        }
        return outcome.leads().getFirst();
    }

    private Lead lead(DealImportInput row, String index, List<UserError> errors) {
        Lead lead = null;
        String field;
        if (row.leadId() != null && !row.leadId().isBlank()) {
            field = "leadId";
            UUID id = NodeId.parse("Lead", row.leadId());
            lead = id == null ? null : Lead.<Lead>find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        } else if (row.leadExternalId() != null && !row.leadExternalId().isBlank()) {
            field = "leadExternalId";
            lead = Lead.<Lead>find("externalId", row.leadExternalId().strip()).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        } else if (row.leadEmail() != null && !row.leadEmail().isBlank()) {
            field = "leadEmail";
            lead = Lead.<Lead>find("emailNormalized", EmailAddresses.normalize(row.leadEmail()))
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        } else {
            return null;
        }
        if (lead == null) {
            errors.add(UserError.of(UserErrorCode.NOT_FOUND, field + " names no lead of this workspace", "deals", index, field));
        }
        return lead;
    }
}
