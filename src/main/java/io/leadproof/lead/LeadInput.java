package io.leadproof.lead;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

import io.leadproof.common.AttributeInput;
import io.leadproof.common.Decimal;
import org.eclipse.microprofile.graphql.NonNull;
import io.smallrye.graphql.api.Nullable;

@Input("LeadInput")
@Description("Lead attributes to create or update. A lead is matched by externalId, else by email (case-insensitive); "
        + "one of the two is required. Omitted fields keep their stored value on update.")
public record LeadInput(
        @Description("Id of the lead in the system it comes from (CRM, form tool); unique per workspace.") String externalId,
        @Description("Email address; matched case-insensitively.") String email,
        @Description("Given name.") String firstName,
        @Description("Family name.") String lastName,
        @Description("Phone number; stored in E.164 form, read in the lead's country when it has no country code.") String phone,
        @Description("Company name.") String companyName,
        @Description("Company web domain, e.g. acme.com.") String companyDomain,
        @Description("Company annual revenue in the workspace's reporting currency.") Decimal annualRevenue,
        @Description("Company employee count.") Integer employeeCount,
        @Description("Industry, free text, e.g. Software.") String industry,
        @Description("Job title; seniority is derived from it.") String jobTitle,
        @Description("ISO 3166-1 alpha-2 country code, e.g. DE.") String country,
        @Description("Acquisition channel.") LeadSource source,
        @Id @Description("Campaign that brought the lead (Campaign id).") String campaignId,
        @Description("BANT budget status.") BudgetStatus budgetStatus,
        @Description("BANT budget amount in the workspace's reporting currency.") Decimal budgetAmount,
        @Description("BANT authority.") Authority authority,
        @Description("BANT need.") Need need,
        @Description("BANT timeline.") Timeline timeline,
        @Description("User name of the owning sales or marketing user.") String ownerId,
        @Description("Custom attributes to set (null value removes a key).") @Nullable List<@NonNull AttributeInput> customAttributes,
        @Description("When the lead was created in its source system; only used when the lead is new. Defaults to now; must not lie in the future.") OffsetDateTime createdAt,
        @Description("When these values became true (for history imported from another system). Defaults to now; must not lie in the future, before the lead's creation or before the values it last stated (errors IN_FUTURE, BEFORE_CREATION, OUT_OF_ORDER). The lead's trait history keeps every change with this moment.") OffsetDateTime observedAt) {

    /** The same values, observed at {@code at}. */
    public LeadInput withObservedAt(OffsetDateTime at) {
        return new LeadInput(externalId, email, firstName, lastName, phone, companyName, companyDomain, annualRevenue,
                employeeCount, industry, jobTitle, country, source, campaignId, budgetStatus, budgetAmount, authority, need,
                timeline, ownerId, customAttributes, createdAt, at);
    }
}
