package io.leadproof.privacy;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Inputs of the privacy mutations. */
public final class PrivacyInputs {

    static final int REFERENCE_MAX = 200;

    private PrivacyInputs() {
    }

    @Input("LeadEraseInput")
    @Description("Erase a lead's personal data (GDPR/CCPA); anonymised facts stay so metrics do not change.")
    public record Erase(
            @Id @NonNull @Description("Lead id.") String leadId,
            @NonNull @Description("Legal ground of the erasure.") ErasureReason reason,
            @Description("Id of the request in your privacy request tracker, at most " + REFERENCE_MAX
                    + " characters. Recorded in the audit; must not contain personal data.") String reference,
            @Description("Per-user idempotency key (1..200 characters): a retry with the same key returns the first result; "
                    + "the same key with different input is refused.") String idempotencyKey) {
    }

    @Input("LeadExportInput")
    @Description("Export everything held about a lead (GDPR Art. 15 access, Art. 20 portability; CCPA right to know).")
    public record Export(
            @Id @NonNull @Description("Lead id.") String leadId,
            @Description("Id of the request in your privacy request tracker, at most " + REFERENCE_MAX
                    + " characters. Recorded in the audit; must not contain personal data.") String reference) {
    }

    @Input("PrivacyAuditFilter")
    @Description("Narrows the privacy audit, in the style of LeadFilter; all given conditions must hold.")
    public record AuditFilter(
            @Id @Description("Only entries about this lead.") String leadId,
            @Description("Only entries of one of these actions.") @io.smallrye.graphql.api.Nullable List<@NonNull PrivacyAction> actions) {

        /** The filter the deprecated arguments {@code leadId} and {@code action} stand for; refuses both forms at once. */
        static AuditFilter of(AuditFilter filter, String leadId, PrivacyAction action) {
            if (filter == null) {
                return new AuditFilter(leadId, action == null ? null : List.of(action));
            }
            if (leadId != null || action != null) {
                throw io.leadproof.common.ApiException.invalid("FILTER_AND_ARGUMENTS",
                        "give either filter or the deprecated arguments leadId/action, not both");
            }
            return filter;
        }
    }
}
