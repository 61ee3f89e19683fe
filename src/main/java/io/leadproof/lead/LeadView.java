package io.leadproof.lead;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.common.Attribute;
import io.leadproof.common.Attributes;
import io.leadproof.common.Decimal;
import io.leadproof.common.Node;
import io.leadproof.common.NodeId;
import io.smallrye.graphql.api.Deprecated;

@Type("Lead")
@Description("A person who showed interest, with company facts, BANT facts and lifecycle stage.")
public record LeadView(
        @Id @NonNull @Description("Global id.") String id,
        @Description("Id in the source system.") String externalId,
        @Description("Email address as supplied.") String email,
        @Description("Given name.") String firstName,
        @Description("Family name.") String lastName,
        @Description("Phone number in E.164 form.") String phone,
        @Description("Company name.") String companyName,
        @Description("Company web domain.") String companyDomain,
        @Description("Company annual revenue in the reporting currency.") Decimal annualRevenue,
        @Description("Company employee count.") Integer employeeCount,
        @Description("Industry.") String industry,
        @Description("Job title.") String jobTitle,
        @NonNull @Description("Seniority derived from the job title.") Seniority seniority,
        @Description("ISO 3166-1 alpha-2 country code.") String country,
        @Description("Acquisition channel.") LeadSource source,
        @NonNull @Description("BANT budget status.") BudgetStatus budgetStatus,
        @Description("BANT budget amount in the reporting currency.") Decimal budgetAmount,
        @NonNull @Description("BANT authority.") Authority authority,
        @NonNull @Description("BANT need.") Need need,
        @NonNull @Description("BANT timeline.") Timeline timeline,
        @NonNull @Description("Lifecycle stage.") LifecycleStage lifecycleStage,
        @Deprecated(reason = "Use owner { userName }. Removed in the next release.") @Description("User name of the owner.") String ownerId,
        @NonNull @Description("Custom attributes, sorted by key.") List<@NonNull Attribute> customAttributes,
        @NonNull @Description("When the lead was created (cohort date for metrics).") OffsetDateTime createdAt,
        @NonNull @Description("When the lead last changed.") OffsetDateTime updatedAt,
        @Ignore UUID uuid,
        @Ignore UUID campaignUuid) implements Node {

    public static LeadView of(Lead l) {
        return new LeadView(NodeId.of("Lead", l.id()), l.externalId(), l.email(), l.firstName(), l.lastName(),
                l.phone(), l.companyName(), l.companyDomain(), Decimal.of(l.annualRevenue()), l.employeeCount(),
                l.industry(), l.jobTitle(), l.seniority(), l.country(), l.source(), l.budgetStatus(),
                Decimal.of(l.budgetAmount()), l.authority(), l.need(), l.timeline(), l.lifecycleStage(),
                l.ownerId(), Attributes.render(l.customAttributes()),
                l.createdAt().atOffset(ZoneOffset.UTC), l.updatedAt().atOffset(ZoneOffset.UTC),
                l.id(), l.campaignId());
    }
}
