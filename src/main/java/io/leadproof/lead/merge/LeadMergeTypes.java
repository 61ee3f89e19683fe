package io.leadproof.lead.merge;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.common.Attribute;
import io.leadproof.common.UserError;
import io.leadproof.lead.LeadView;

/** The API types of leadMerge (docs/data-quality.md, "Merging duplicates"). */
public final class LeadMergeTypes {

    private LeadMergeTypes() {
    }

    @Input("LeadMergeInput")
    @Description("Two leads of the workspace that are the same person.")
    public record LeadMergeInput(
            @NonNull @Id @Description("The lead that stays: its values win.") String survivorId,
            @NonNull @Id @Description("The lead merged into the survivor; its id keeps resolving to it, with mergedInto set.") String mergedId) {
    }

    @Type("LeadMerge")
    @Description("A merge done, as written to its audit record.")
    public record Merge(
            @NonNull @Description("The lead that stayed, with what it took over.") LeadView survivor,
            @NonNull @Description("The lead merged away: a tombstone whose mergedInto is the survivor.") LeadView merged,
            @NonNull @Description("Rows moved to the survivor or dropped, per kind: activities, handoffs, duplicateKeys, predictions.")
            List<@NonNull Attribute> moved,
            @NonNull @Description("The survivor's fields that were empty and took the merged lead's value (custom attributes as custom.<key>).")
            List<@NonNull String> filled,
            @NonNull @Description("When the merge happened.") OffsetDateTime occurredAt,
            @NonNull @Description("Who merged.") String actor) {
    }

    @Type("LeadMergePayload")
    @Description("Result of leadMerge.")
    public record LeadMergePayload(
            @Description("The merge; null when nothing was merged.") Merge merge,
            @NonNull @Description("Problems with the input: SAME_OBJECT, NOT_FOUND (also for a lead of another workspace), "
                    + "ALREADY_MERGED, LEAD_REFERENCE (an erased lead), CONFLICT (both leads hold an open handoff).")
            List<@NonNull UserError> userErrors) {

        static LeadMergePayload refused(UserError error) {
            return new LeadMergePayload(null, List.of(error));
        }
    }
}
