package io.leadproof.lead;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.leadproof.common.AttributeInput;
import io.leadproof.common.Decimal;
import io.smallrye.graphql.api.Nullable;

/**
 * A row of {@code leadsImport(input: {rows: …})}: {@link LeadInput} with the closed sets and the country as text, so
 * that one value outside a set rejects only its row (GraphQL's own enum coercion would fail the whole document).
 * {@link LenientLeadRows} turns it into a {@link LeadInput}.
 */
@Input("LeadImportRowInput")
@Description("A lead row of leadsImport as exported by another system: like LeadInput, but source, budgetStatus, authority, "
        + "need and timeline are text matched leniently to their enum (case, spaces, dashes, dots and slashes ignored: "
        + "\"Paid search\" is PAID_SEARCH) and country may be an ISO code or a country name (\"India\", \"Deutschland\"). "
        + "A value that matches nothing rejects only its row (INVALID_ENUM_VALUE with the allowed values, INVALID_COUNTRY); "
        + "blank text counts as not given.")
public record LeadImportRow(
        @Description("As LeadInput.externalId.") String externalId,
        @Description("As LeadInput.email.") String email,
        @Description("As LeadInput.firstName.") String firstName,
        @Description("As LeadInput.lastName.") String lastName,
        @Description("As LeadInput.phone.") String phone,
        @Description("As LeadInput.companyName.") String companyName,
        @Description("As LeadInput.companyDomain.") String companyDomain,
        @Description("As LeadInput.annualRevenue.") Decimal annualRevenue,
        @Description("As LeadInput.employeeCount.") Integer employeeCount,
        @Description("As LeadInput.industry.") String industry,
        @Description("As LeadInput.jobTitle.") String jobTitle,
        @Description("ISO 3166-1 alpha-2 or alpha-3 code, or the country's name (English and 19 other languages, common aliases such as USA, UK).") String country,
        @Description("A LeadSource value, matched leniently.") String source,
        @Id @Description("As LeadInput.campaignId.") String campaignId,
        @Description("A BudgetStatus value, matched leniently.") String budgetStatus,
        @Description("As LeadInput.budgetAmount.") Decimal budgetAmount,
        @Description("An Authority value, matched leniently.") String authority,
        @Description("A Need value, matched leniently.") String need,
        @Description("A Timeline value, matched leniently.") String timeline,
        @Description("As LeadInput.ownerId.") String ownerId,
        @Description("As LeadInput.customAttributes.") @Nullable List<@NonNull AttributeInput> customAttributes,
        @Description("As LeadInput.createdAt.") OffsetDateTime createdAt,
        @Description("As LeadInput.observedAt.") OffsetDateTime observedAt) {
}
