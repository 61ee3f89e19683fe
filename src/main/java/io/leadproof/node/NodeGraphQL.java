package io.leadproof.node;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.leadproof.campaign.CampaignService;
import io.leadproof.campaign.CampaignTypes.CampaignView;
import io.leadproof.common.ApiException;
import io.leadproof.common.Node;
import io.leadproof.common.NodeId;
import io.leadproof.evidence.prediction.ModelStore;
import io.leadproof.evidence.prediction.PredictionGraphQL;
import io.leadproof.lead.LeadService;
import io.leadproof.lead.LeadView;
import io.leadproof.scoring.RescoreJobs;
import io.leadproof.scoring.ScoringGraphQL;
import io.leadproof.security.Roles;

/** Relay's refetch entry point: any object with a global id. */
@GraphQLApi
public class NodeGraphQL {

    @Inject
    LeadService leads;
    @Inject
    CampaignService campaigns;
    @Inject
    RescoreJobs scoringJobs;
    @Inject
    io.leadproof.imports.job.ImportJobStore importJobs;
    @Inject
    io.leadproof.evidence.backtesting.BacktestNodes backtests;
    @Inject
    ModelStore predictiveModels;

    @Query("node")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("Fetches an object by global id; null when this workspace has no such object.")
    public Node node(@NonNull @Id @Description("Global id.") String id) {
        String type = NodeId.typeOf(id);
        if (type == null) {
            throw ApiException.invalid("INVALID_ID", "id is not a LeadProof global id (gid://leadproof/<Type>/<uuid>)");
        }
        return switch (type) {
            case "Lead" -> leads.find(NodeId.require(type, id, "id")).map(LeadView::of).orElse(null);
            case "Campaign" -> campaigns.find(NodeId.require(type, id, "id")).map(CampaignView::of).orElse(null);
            case "ScoringJob" -> scoringJobs.find(NodeId.require(type, id, "id")).map(ScoringGraphQL::view).orElse(null);
            case "ImportJob" -> importJobs.find(NodeId.require(type, id, "id")).map(io.leadproof.imports.api.ImportTypes.Job::of).orElse(null);
            case "CriteriaBacktest" -> backtests.find(NodeId.require(type, id, "id"));
            case "PredictiveModel" -> predictiveModels.find(NodeId.require(type, id, "id")).map(PredictionGraphQL::view).orElse(null);
            default -> throw ApiException.invalid("UNSUPPORTED_TYPE", "node() does not fetch objects of type " + type);
        };
    }
}
