package io.leadproof.handoff;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.common.MoneyInput;
import io.leadproof.common.UserError;
import io.leadproof.handoff.HandoffTypes.HandoffView;
import io.smallrye.graphql.api.Nullable;

/** Input and payload of dealsImport: a CRM's deal history, one handoff per deal. */
public final class DealImportInputs {

    /** The most deals one call imports. */
    public static final int MAX_DEALS = 500;

    private DealImportInputs() {
    }

    @Input("DealsImportInput")
    @Description("Deals from the CRM the workspace comes from, at most " + MAX_DEALS + " per call.")
    public record DealsImport(@NonNull @Description("The deals; each lands or gets user errors under deals.<i>.") List<@NonNull DealImportInput> deals) {
    }

    @Input("DealImportInput")
    @Description("One deal's history: the lead, when it was handed off and what sales made of it. Times must lie in the past and in order"
            + " (handed off ≤ accepted ≤ opportunity ≤ won/lost; rejected and the first call after the handoff).")
    public record DealImportInput(
            @NonNull @Description("The CRM's deal id (1..200 characters): a re-import with the same id updates that handoff, never a second one.") String externalDealId,
            @Id @Description("The lead by id; or give leadExternalId or leadEmail (exactly one of the three).") String leadId,
            @Description("The lead by its external id.") String leadExternalId,
            @Description("The lead by email.") String leadEmail,
            @NonNull @Description("When marketing handed the lead over (past).") OffsetDateTime handedOffAt,
            @Description("The rep who owned the deal (user name, at most 100 characters); never notified.") String ownerId,
            @Description("When sales accepted.") OffsetDateTime acceptedAt,
            @Description("When sales rejected; needs rejectionReasonCode.") OffsetDateTime rejectedAt,
            @Description("A rejection reason code of the workspace (active or deactivated).") String rejectionReasonCode,
            @Description("Rejection notes, at most 2000 characters.") String rejectionNotes,
            @Description("When the opportunity was opened; needs acceptedAt.") OffsetDateTime opportunityAt,
            @Description("Opportunity name (default: the deal id).") String opportunityName,
            @Description("When the deal closed won; needs opportunityAt and wonAmount.") OffsetDateTime wonAt,
            @Description("Won amount in the workspace's reporting currency.") MoneyInput wonAmount,
            @Description("When the deal closed lost; needs opportunityAt and lostReason.") OffsetDateTime lostAt,
            @Description("Why it was lost, 1..500 characters.") String lostReason,
            @Description("When the first call took place; logged as a CALL touch.") OffsetDateTime firstCallAt,
            @Description("First-call notes, at most 2000 characters.") String firstCallNotes,
            @Description("First-call signal codes of the workspace taxonomy, at most 20; need firstCallAt.") @Nullable List<@NonNull String> firstCallSignals,
            @Description("The lead's traits as the CRM knew them at lead.observedAt (default: handedOffAt), upserted through"
                    + " leadsImport's path before the deal lands, so the trait history keeps them as of that moment and an"
                    + " analysis as of the handoff sees them; its errors are under deals.<i>.lead. The lead reference, when"
                    + " also given, must name the same lead.") io.leadproof.lead.LeadInput lead) {

        /** The lead's traits observed at handedOffAt unless they say when. */
        io.leadproof.lead.LeadInput leadAsObserved() {
            return lead == null || lead.observedAt() != null || handedOffAt == null ? lead : lead.withObservedAt(handedOffAt);
        }
    }

    @Type("DealsImportPayload")
    @Description("The handoffs the import created or updated, and the problems of the rows that did not land.")
    public record Payload(
            @NonNull @Description("Handoffs created or updated, in input order.") List<@NonNull HandoffView> handoffs,
            @NonNull @Description("Problems, with paths deals.<i>.<field>; those rows did not land.") List<@NonNull UserError> userErrors) {
    }
}
