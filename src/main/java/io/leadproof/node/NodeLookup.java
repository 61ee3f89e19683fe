package io.leadproof.node;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.leadproof.campaign.CampaignCost;
import io.leadproof.campaign.CampaignService;
import io.leadproof.campaign.CampaignTypes.CampaignView;
import io.leadproof.campaign.CampaignTypes.CostView;
import io.leadproof.common.ApiException;
import io.leadproof.common.Node;
import io.leadproof.common.NodeId;
import io.leadproof.criteria.CriteriaService;
import io.leadproof.criteria.CriteriaTypes.ModelView;
import io.leadproof.criteria.CriteriaTypes.VersionView;
import io.leadproof.feedback.FeedbackGraphQL.ReasonView;
import io.leadproof.feedback.RejectionReason;
import io.leadproof.handoff.HandoffService;
import io.leadproof.handoff.SalesRep;
import io.leadproof.handoff.SalesRepGraphQL.RepView;
import io.leadproof.lead.Activity;
import io.leadproof.lead.ActivityTypes.ActivityView;
import io.leadproof.lead.LeadService;
import io.leadproof.lead.LeadView;
import io.leadproof.privacy.PrivacyAuditRecord;
import io.leadproof.privacy.PrivacyGraphQL;
import io.leadproof.scoring.RescoreJobs;
import io.leadproof.scoring.ScoringGraphQL;
import io.leadproof.security.CurrentWorkspace;
import io.leadproof.security.Roles;
import io.leadproof.workspace.WorkspaceGraphQL;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Every object with a global id, found by that id: the one place `node` and `nodes` resolve ids. Reads run under the
 * workspace's row-level security, so another workspace's object is simply not found (null). Types the caller's role may
 * not read through their own fields (costs and privacy entries are RevOps only) are refused in words.
 */
@ApplicationScoped
public class NodeLookup {

    static final Set<String> TYPES = Set.of("Activity", "Campaign", "CampaignCost", "CriteriaModel", "CriteriaVersion", "Handoff",
            "ImportJob", "CriteriaBacktest", "PredictiveModel", "Lead", "LeadScore", "PrivacyAuditEntry", "RejectionReason", "SalesRep", "ScoringJob", "Workspace",
            "SignalAnalysisJob", "FirstCallSignalCode", "ImportMapping", "CriteriaPublishPolicy", "EvidenceSettings");
    /** Types some roles may not read (as their own fields say: costs are hidden from sales, privacy entries RevOps only). */
    private static final java.util.Map<String, Set<String>> READERS = java.util.Map.of(
            "CampaignCost", Set.of(Roles.ADMIN, Roles.MARKETING, Roles.LEADERSHIP), "PrivacyAuditEntry", Set.of(Roles.ADMIN),
            "CriteriaBacktest", Set.of(Roles.ADMIN, Roles.MARKETING, Roles.LEADERSHIP),
            "PredictiveModel", Set.of(Roles.ADMIN, Roles.MARKETING, Roles.LEADERSHIP),
            "SignalAnalysisJob", Set.of(Roles.ADMIN, Roles.MARKETING, Roles.LEADERSHIP),
            "ImportMapping", Set.of(Roles.ADMIN, Roles.MARKETING),
            "CriteriaPublishPolicy", Set.of(Roles.ADMIN, Roles.MARKETING, Roles.LEADERSHIP));

    @Inject
    LeadService leads;
    @Inject
    CampaignService campaigns;
    @Inject
    CriteriaService criteria;
    @Inject
    HandoffService handoffs;
    @Inject
    RescoreJobs scoringJobs;
    @Inject
    ScoringGraphQL scores;
    @Inject
    WorkspaceGraphQL workspaces;
    @Inject
    io.leadproof.imports.job.ImportJobStore importJobs;
    @Inject
    io.leadproof.evidence.backtesting.BacktestNodes backtests;
    @Inject
    io.leadproof.evidence.prediction.ModelStore predictiveModels;
    @Inject
    io.leadproof.evidence.analysisjob.AnalysisJobNodes analysisJobs;
    @Inject
    io.leadproof.feedback.FirstCallSignalCodes signalCodes;
    @Inject
    io.leadproof.imports.job.MappingStore importMappings;
    @Inject
    io.leadproof.evidence.backtesting.PublishPolicyGraphQL publishPolicies;
    @Inject
    io.leadproof.evidence.settings.EvidenceSettingsGraphQL evidenceSettings;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    SecurityIdentity identity;

    /** The object, or null when this workspace has none with that id; refuses ids that are not LeadProof global ids. */
    public Node find(String id) {
        String type = NodeId.typeOf(id);
        if (type == null) {
            throw ApiException.invalid("INVALID_ID", "id is not a LeadProof global id (gid://leadproof/<Type>/<uuid>)");
        }
        if (!TYPES.contains(type)) {
            throw ApiException.invalid("UNSUPPORTED_TYPE", "node() does not fetch objects of type " + type);
        }
        if (READERS.containsKey(type) && READERS.get(type).stream().noneMatch(identity::hasRole)) {
            throw new io.quarkus.security.ForbiddenException("Your role may not read " + type + " objects");
        }
        if (type.equals("CriteriaPublishPolicy") || type.equals("EvidenceSettings")) {
            // one per workspace, keyed by its alias: another workspace's finds nothing
            if (!workspace.id().equals(NodeId.workspaceKey(type, id))) {
                return null;
            }
            return type.equals("CriteriaPublishPolicy") ? publishPolicies.current() : evidenceSettings.evidenceSettings();
        }
        if (type.equals("Workspace")) {
            return NodeId.workspaceAlias(id).equals(workspace.id()) ? workspaces.workspace() : null;
        }
        if (type.equals("LeadScore")) {
            UUID[] pair = NodeId.parsePair(type, id);
            if (pair == null) {
                throw ApiException.invalid("INVALID_ID", "id is not a LeadScore id (gid://leadproof/LeadScore/<lead uuid>/<version uuid>)");
            }
            return scores.scoreOf(pair[0], pair[1]);
        }
        UUID uuid = NodeId.require(type, id, "id");
        Optional<? extends Node> found = switch (type) {
            case "Lead" -> leads.find(uuid).map(LeadView::of);
            case "Activity" -> Activity.<Activity>find("id", uuid).firstResultOptional().map(ActivityView::of);
            case "Campaign" -> campaigns.find(uuid).map(CampaignView::of);
            case "CampaignCost" -> CampaignCost.<CampaignCost>find("id", uuid).firstResultOptional().map(CostView::of);
            case "CriteriaModel" -> criteria.model(uuid).map(ModelView::of);
            case "CriteriaVersion" -> criteria.version(uuid).map(VersionView::of);
            case "Handoff" -> handoffs.view(uuid);
            case "PrivacyAuditEntry" -> PrivacyAuditRecord.<PrivacyAuditRecord>find("id", uuid).firstResultOptional()
                    .map(PrivacyGraphQL::entry);
            case "RejectionReason" -> RejectionReason.<RejectionReason>find("id", uuid).firstResultOptional().map(ReasonView::of);
            case "SalesRep" -> SalesRep.<SalesRep>find("id", uuid).firstResultOptional().map(RepView::of);
            case "ScoringJob" -> scoringJobs.find(uuid).map(ScoringGraphQL::view);
            case "ImportJob" -> importJobs.find(uuid).map(io.leadproof.imports.api.ImportTypes.Job::of);
            case "CriteriaBacktest" -> Optional.ofNullable(backtests.find(uuid));
            case "PredictiveModel" -> predictiveModels.find(uuid).map(io.leadproof.evidence.prediction.PredictionGraphQL::view);
            case "SignalAnalysisJob" -> analysisJobs.find(uuid);
            case "FirstCallSignalCode" -> Optional.ofNullable(signalCodes.byId(uuid)).map(io.leadproof.feedback.FirstCallSignalGraphQL.View::of);
            case "ImportMapping" -> importMappings.byId(uuid).map(m -> io.leadproof.imports.api.ImportGraphQL.view(m.id(), m.mapping()));
            default -> Optional.empty();
        };
        return found.orElse(null);
    }
}
