package io.leadproof.lead;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.smallrye.graphql.api.Nullable;

import io.leadproof.common.UserError;

/** Inputs and payloads of the lead mutations. */
public final class LeadPayloads {

    private LeadPayloads() {
    }

    @Type("LeadUpsertPayload")
    @Description("Result of leadUpsert.")
    public record LeadUpsert(
            @Description("The created or updated lead; null when the input had errors.") LeadView lead,
            @NonNull @Description("True when a new lead was created, false when an existing one was updated.") boolean created,
            @NonNull @Description("Problems with the input; empty on success.") List<@NonNull UserError> userErrors) {
    }

    @Input("LeadsImportInput")
    @Description("A batch of leads to upsert; each row is matched like leadUpsert. Give either leads (typed: a value "
            + "outside an enum fails the whole request, as GraphQL coerces enums before any row is looked at) or rows "
            + "(enums and country as text: such a value rejects only its row).")
    public record LeadsImport(
            @Description("The rows, at most " + LeadService.IMPORT_CAP + ", typed as LeadInput; errors under [\"leads\", \"<row>\"].")
            @Nullable List<@NonNull LeadInput> leads,
            @Description("The rows, at most " + LeadService.IMPORT_CAP + ", as exported by another system (LeadImportRowInput); "
                    + "errors under [\"rows\", \"<row>\"].")
            @Nullable List<@NonNull LeadImportRow> rows) {
    }

    @Type("LeadsImportPayload")
    @Description("Result of leadsImport: valid rows land even when other rows fail.")
    public record LeadsImported(
            @NonNull @Description("Number of leads created.") int createdCount,
            @NonNull @Description("Number of existing leads updated.") int updatedCount,
            @NonNull @Description("Per input row, in order: the lead, or null where the row failed (see userErrors).") List<LeadView> leads,
            @NonNull @Description("Problems per row; the field path starts with [\"leads\", \"<row>\"] (or [\"rows\", \"<row>\"]).") List<@NonNull UserError> userErrors) {
    }
}
