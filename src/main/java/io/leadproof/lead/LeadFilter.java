package io.leadproof.lead;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import io.smallrye.graphql.api.Nullable;

import io.leadproof.quality.api.DataQualityGraphQL.Status;

@Input("LeadFilter")
@Description("Narrows a lead list; all given conditions must hold.")
public record LeadFilter(
        @Description("Only leads in one of these stages.") @Nullable List<@NonNull LifecycleStage> stages,
        @Description("Only leads from one of these channels.") @Nullable List<@NonNull LeadSource> sources,
        @Id @Description("Only leads of this campaign (Campaign id).") String campaignId,
        @Description("Only leads owned by this user name.") String ownerId,
        @Description("Only leads of one of these seniorities.") @Nullable List<@NonNull Seniority> seniorities,
        @Description("Only leads of this country (ISO alpha-2).") String country,
        @Description("Created at or after this instant.") OffsetDateTime createdFrom,
        @Description("Created strictly before this instant.") OffsetDateTime createdBefore,
        @Description("Case-insensitive text found in email, name or company name; at most 100 characters.") String search,
        @Description("Only leads whose data-quality status (refreshed on every write) is one of these.")
        @Nullable List<@NonNull Status> dataQuality,
        @Description("Conditions on custom attributes (at most 20), all of which must hold.")
        @Nullable List<@NonNull CustomAttributeCondition> customAttributes) {
}
