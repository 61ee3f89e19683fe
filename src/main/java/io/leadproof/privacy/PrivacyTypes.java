package io.leadproof.privacy;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.common.Attribute;
import io.leadproof.common.Money;
import io.leadproof.common.PageInfo;
import io.leadproof.common.UserError;
import io.leadproof.handoff.Disposition;
import io.leadproof.handoff.HandoffState;
import io.leadproof.handoff.HandoffTypes.EventView;
import io.leadproof.lead.ActivityTypes.ActivityView;
import io.leadproof.scoring.ScoringTypes.ContributionView;
import io.leadproof.scoring.ScoringTypes.CrossingView;
import io.leadproof.scoring.ScoringTypes.ScoreChangeView;
import io.leadproof.scoring.ScoringTypes.ScoreView;
import io.smallrye.graphql.api.Deprecated;
import io.leadproof.feedback.RejectionCategory;

/** Output types of erasure, export and the privacy audit. */
public final class PrivacyTypes {

    private PrivacyTypes() {
    }

    @Type("LeadErasure")
    @Description("The outcome of an erasure: the lead keeps its id, timestamps, stage and scores; personal data is gone.")
    public record Erasure(
            @Deprecated(reason = "Use lead { id }. Removed in the next release.") @Id @NonNull @Description("Id of the erased lead.") String leadId,
            @NonNull @Description("When the lead was first erased.") OffsetDateTime erasedAt,
            @NonNull @Description("False when the lead had been erased before: the scrub ran again (it is idempotent) and was audited.")
            boolean firstErasure,
            @NonNull @Description("Rows of other tables this run changed, per table (activities, scores, mqlCrossings, handoffs, "
                    + "handoffEvents, idempotencyKeys).") List<@NonNull Attribute> scrubbed,
            @Deprecated(reason = "Use auditEntry { id }. Removed in the next release.") @Id @NonNull @Description("Id of the privacy audit entry that records this erasure.") String auditEntryId) {
    }

    @Type("LeadErasePayload")
    @Description("Result of leadErase. A retry with the same idempotencyKey returns the first result.")
    public record ErasePayload(
            @Description("The erasure; null when nothing was erased.") Erasure erasure,
            @NonNull @Description("Problems with the input; NOT_FOUND when no lead of this workspace has the id.")
            List<@NonNull UserError> userErrors) {
    }

    @Type("LeadExport")
    @Description("Everything LeadProof holds about one lead, as structured data. Each list is capped (see its description); "
            + "`complete` is false when any list was cut, and the *Count fields say how many entries exist.")
    public record Export(
            @Deprecated(reason = "Use exportedLead { id }. Removed in the next release.") @Id @NonNull @Description("Lead id.") String leadId,
            @NonNull @Description("When the export was taken.") OffsetDateTime exportedAt,
            @Description("When the lead was erased; null when it was not.") OffsetDateTime erasedAt,
            @NonNull @Description("True when no list was cut by its cap.") boolean complete,
            @NonNull @Description("Every stored column of the lead row except custom attributes, keyed by column name "
                    + "(e.g. email, job_title, lifecycle_stage, first_mql_at); columns without a value are omitted.")
            List<@NonNull Attribute> lead,
            @NonNull @Description("Custom attributes, sorted by key.") List<@NonNull Attribute> customAttributes,
            @NonNull @Description("Activities, newest first, at most " + LeadExporter.ACTIVITY_CAP + ".") List<@NonNull ActivityView> activities,
            @NonNull @Description("Number of activities held.") int activityCount,
            @NonNull @Description("Current score under each criteria version that scored the lead, with contributions.")
            List<@NonNull ScoreView> scores,
            @NonNull @Description("Score ledger entries, newest first, at most " + LeadExporter.SCORE_CHANGE_CAP + ".")
            List<@NonNull ScoreChangeView> scoreHistory,
            @NonNull @Description("Number of score ledger entries held.") int scoreChangeCount,
            @NonNull @Description("MQL crossings (at most one per criteria version), oldest first.") List<@NonNull CrossingView> mqlCrossings,
            @NonNull @Description("Handoffs with their frozen evidence and audit events, oldest first, at most " + LeadExporter.HANDOFF_CAP
                    + ".") List<@NonNull ExportedHandoff> handoffs,
            @NonNull @Description("Number of handoffs held.") int handoffCount,
            @NonNull @Description("Privacy audit entries about the lead (including this export), newest first, at most "
                    + LeadExporter.AUDIT_CAP + ".") List<@NonNull AuditEntry> privacyAudit,
            @NonNull @Description("Number of privacy audit entries about the lead.") int privacyAuditCount,
            @NonNull @Description("The records merged into this lead (leadMerge), directly or along a merge chain, oldest id first: "
                    + "each its own export (its row, released keys as merge_alias.external_id / merge_alias.email, scores, score "
                    + "history, privacy audit). Their activities and handoffs moved to this lead and are in its lists. Empty in "
                    + "the exports listed here.") List<@NonNull Export> mergedRecords) {

        /** The same export with the records merged into the lead. */
        Export withMergedRecords(List<Export> merged) {
            return new Export(leadId, exportedAt, erasedAt, complete && merged.stream().allMatch(Export::complete), lead, customAttributes,
                    activities, activityCount, scores, scoreHistory, scoreChangeCount, mqlCrossings, handoffs, handoffCount, privacyAudit,
                    privacyAuditCount, List.copyOf(merged));
        }

        /** The same export with more attributes of the lead row. */
        Export withLeadAttributes(List<Attribute> more) {
            var all = new java.util.ArrayList<>(lead);
            all.addAll(more);
            return new Export(leadId, exportedAt, erasedAt, complete, List.copyOf(all), customAttributes, activities, activityCount,
                    scores, scoreHistory, scoreChangeCount, mqlCrossings, handoffs, handoffCount, privacyAudit, privacyAuditCount,
                    mergedRecords);
        }

        /** The export with the audit entry that records it in front (it is written after the reads). */
        Export withAuditEntry(AuditEntry entry) {
            var audit = new java.util.ArrayList<AuditEntry>(List.of(entry));
            audit.addAll(privacyAudit.subList(0, Math.min(privacyAudit.size(), LeadExporter.AUDIT_CAP - 1)));
            int count = privacyAuditCount + 1;
            return new Export(leadId, exportedAt, erasedAt, complete && audit.size() == count, lead, customAttributes, activities,
                    activityCount, scores, scoreHistory, scoreChangeCount, mqlCrossings, handoffs, handoffCount, List.copyOf(audit), count,
                    mergedRecords);
        }
    }

    @Type("LeadExportHandoff")
    @Description("A handoff of the exported lead, with every stored column and its audit events.")
    public record ExportedHandoff(
            @Ignore @Description("Id of the handoff, read by the `handoff` link.") String handoffId,
            @NonNull @Description("State.") HandoffState state,
            @Description("User name of the assigned rep.") String owner,
            @Deprecated(reason = "Use version { id }. Removed in the next release.") @Id @NonNull @Description("Criteria version of the frozen score.") String versionId,
            @NonNull @Description("Frozen total score.") int scoreTotal,
            @NonNull @Description("Frozen fit score.") int scoreFit,
            @NonNull @Description("Frozen engagement score.") int scoreEngagement,
            @NonNull @Description("Frozen contributions.") List<@NonNull ContributionView> contributions,
            @NonNull @Description("Frozen lead attributes.") List<@NonNull Attribute> leadSnapshot,
            @NonNull @Description("When marketing handed the lead over.") OffsetDateTime createdAt,
            @NonNull @Description("Who handed it over.") String createdBy,
            @NonNull @Description("When the first response was due.") OffsetDateTime dueAt,
            @Description("First accept, reject or logged touch.") OffsetDateTime firstResponseAt,
            @Description("When sales accepted.") OffsetDateTime acceptedAt,
            @Description("When sales rejected.") OffsetDateTime rejectedAt,
            @Description("Rejection reason code.") String rejectionCode,
            @Description("Rejection category.") RejectionCategory rejectionCategory,
            @Description("Rejection notes.") String rejectionNotes,
            @Description("What happened to the lead after a rejection.") Disposition disposition,
            @Description("When an opportunity was opened.") OffsetDateTime opportunityAt,
            @Description("Opportunity name.") String opportunityName,
            @Description("When the deal closed.") OffsetDateTime closedAt,
            @Description("Won amount.") Money wonAmount,
            @Description("Why the deal was lost.") String lostReason,
            @NonNull @Description("Audit events, oldest first (at most " + LeadExporter.EVENT_CAP + " over all handoffs of the export).")
            List<@NonNull EventView> events,
            @NonNull @Description("Number of audit events of the handoff held.") int eventCount) {
    }

    @Type("LeadExportPayload")
    @Description("Result of leadExport.")
    public record ExportPayload(
            @Description("The export; null when the lead was not found.") Export export,
            @NonNull @Description("Problems with the input; NOT_FOUND when no lead of this workspace has the id.")
            List<@NonNull UserError> userErrors) {
    }

    @Type("PrivacyAuditEntry")
    @Description("One erasure or export: who, when, which lead, why. Append-only.")
    public record AuditEntry(
            @Id @NonNull @Description("Global id.") String id,
            @NonNull @Description("What was done.") PrivacyAction action,
            @Deprecated(reason = "Use lead { id }. Removed in the next release.") @Id @NonNull @Description("The lead it was done to.") String leadId,
            @NonNull @Description("User name from the token.") String actor,
            @NonNull @Description("When.") OffsetDateTime occurredAt,
            @Description("Ground of an erasure; null for exports.") ErasureReason reason,
            @Description("Id of the request in the privacy request tracker, as given.") String reference,
            @NonNull @Description("Counts of what was scrubbed or exported, per table or list.") List<@NonNull Attribute> details)
            implements io.leadproof.common.Node {
    }

    @Type("PrivacyAuditConnection")
    @Description("A page of privacy audit entries, newest first.")
    public record AuditConnection(
            @NonNull @Description("Entries with cursors.") List<@NonNull AuditEdge> edges,
            @NonNull @Description("Pagination information.") PageInfo pageInfo,
            @Ignore java.util.function.IntSupplier counter) {
    }

    @Type("PrivacyAuditEdge")
    @Description("A privacy audit entry and its cursor.")
    public record AuditEdge(
            @NonNull @Description("Cursor to pass as `after`.") String cursor,
            @NonNull @Description("The entry.") AuditEntry node) {
    }
}
