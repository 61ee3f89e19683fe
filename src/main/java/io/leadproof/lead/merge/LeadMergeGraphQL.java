package io.leadproof.lead.merge;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.leadproof.common.NodeId;
import io.leadproof.lead.Lead;
import io.leadproof.lead.LeadService;
import io.leadproof.lead.LeadView;
import io.leadproof.lead.merge.LeadMergeTypes.LeadMergeInput;
import io.leadproof.lead.merge.LeadMergeTypes.LeadMergePayload;
import io.leadproof.security.Roles;

/** leadMerge and the two fields that link a merged lead and its survivor (docs/data-quality.md, "Merging duplicates"). */
@GraphQLApi
public class LeadMergeGraphQL {

    @Inject
    LeadMergeService merges;
    @Inject
    LeadService leads;

    @Mutation("leadMerge")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING })
    @Description("Merges two leads that are the same person into the survivor: activities and handoffs move to it, its empty "
            + "fields and custom attributes take the merged lead's values, it is rescored and judged anew, and the merge is "
            + "audited. The merged lead stays as a tombstone (mergedInto) holding its score and trait history; metrics count "
            + "the person once.")
    public @NonNull LeadMergePayload leadMerge(@NonNull @Description("The two leads.") LeadMergeInput input) {
        return merges.merge(NodeId.require("Lead", input.survivorId(), "survivorId"), NodeId.require("Lead", input.mergedId(), "mergedId"));
    }

    @Name("mergedInto")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("The lead this one was merged into (leadMerge), null for a lead that was not: a merged lead is a tombstone, "
            + "no longer counted, scored or judged.")
    public List<LeadView> mergedInto(@Source List<LeadView> views) {
        var stored = leads.findAll(views.stream().map(LeadView::uuid).collect(Collectors.toSet()));
        var targets = leads.findAll(stored.values().stream().map(Lead::mergedInto).filter(Objects::nonNull).collect(Collectors.toSet()));
        return views.stream().map(v -> {
            var lead = stored.get(v.uuid());
            var target = lead == null || lead.mergedInto() == null ? null : targets.get(lead.mergedInto());
            return target == null ? null : LeadView.of(target);
        }).toList();
    }

    @Name("mergedFrom")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("The leads merged into this one, oldest first: their score and trait history stay under their own ids.")
    public List<@NonNull List<@NonNull LeadView>> mergedFrom(@Source List<LeadView> views) {
        Set<UUID> ids = views.stream().map(LeadView::uuid).collect(Collectors.toSet());
        Map<UUID, List<LeadView>> bySurvivor = new HashMap<>();
        Lead.<Lead>list("mergedInto in ?1", ids).stream().sorted(Comparator.comparing(Lead::updatedAt).thenComparing(Lead::id))
                .forEach(l -> bySurvivor.computeIfAbsent(l.mergedInto(), k -> new java.util.ArrayList<>()).add(LeadView.of(l)));
        return views.stream().map(v -> bySurvivor.getOrDefault(v.uuid(), List.of())).toList();
    }
}
