package io.leadproof.scoring;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import org.hibernate.Session;

import io.leadproof.common.Cursors;
import io.leadproof.common.NodeId;
import io.leadproof.common.PageInfo;
import io.leadproof.common.RequestReads;
import io.leadproof.criteria.CriteriaTypes.VersionView;
import io.leadproof.lead.LeadView;
import io.leadproof.scoring.ScoringTypes.CrossingView;
import io.leadproof.scoring.ScoringTypes.JobView;
import io.leadproof.scoring.ScoringTypes.ResumePayload;
import io.leadproof.scoring.ScoringTypes.ScoreChangeConnection;
import io.leadproof.scoring.ScoringTypes.ScoreChangeEdge;
import io.leadproof.scoring.ScoringTypes.ScoreView;
import io.leadproof.security.CurrentWorkspace;
import io.leadproof.security.Roles;

@GraphQLApi
public class ScoringGraphQL {

    private static final String HISTORY_ORDER = "LEDGER_DESC";

    @Inject
    EntityManager em;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    RescoreJobs jobs;
    @Inject
    RequestReads reads;

    @Name("score")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("The lead's score under the served version of a model (default: the model that drives handoffs); null before the first scoring.")
    public List<ScoreView> score(@Source List<LeadView> leads, @Id @Description("Criteria model id; default the handoff model.") String modelId) {
        UUID model = modelId == null ? null : NodeId.require("CriteriaModel", modelId, "modelId");
        var ids = leads.stream().map(LeadView::uuid).toList();
        String ws = workspace.id();
        Map<UUID, ScoreView> scores = reads.read(c -> ScoreReads.served(c, ws, ids, model));
        return ids.stream().map(scores::get).toList();
    }

    /** A LeadScore by lead and criteria version (node refetch), or null. */
    public ScoreView scoreOf(UUID lead, UUID version) {
        return work(c -> ScoreReads.one(c, workspace.id(), lead, version));
    }

    @Name("scoreHistory")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("The lead's score ledger, newest first: every change under every version, and why.")
    public List<@NonNull ScoreChangeConnection> scoreHistory(@Source List<LeadView> leads,
            @Description("Page size, 1.." + Cursors.MAX_PAGE + " (default " + Cursors.DEFAULT_PAGE + ").") Integer first,
            @Description("Cursor of the last edge of the previous page.") String after) {
        int size = Cursors.pageSize(first);
        var position = Cursors.decode(HISTORY_ORDER, after);
        if (position != null && !position.key().matches("\\d{1,18}")) {
            throw io.leadproof.common.ApiException.invalid("INVALID_CURSOR", "after is not a cursor of this list and ordering");
        }
        var ids = leads.stream().map(LeadView::uuid).toList();
        var byLead = work(c -> ScoreReads.history(c, workspace.id(), ids, size, position));
        var result = new ArrayList<ScoreChangeConnection>(ids.size());
        for (UUID id : ids) {
            var rows = byLead.getOrDefault(id, List.of());
            var edges = rows.stream().limit(size)
                    .map(r -> new ScoreChangeEdge(Cursors.encode(HISTORY_ORDER, Long.toString(r.id()), r.leadId()), r.view())).toList();
            result.add(new ScoreChangeConnection(edges, PageInfo.of(edges.stream().map(e -> e.cursor()).toList(), rows.size() > size, after != null),
                    id));
        }
        return result;
    }

    @Name("totalCount")
    @Description("The lead's score changes on all pages; counted only when asked.")
    public List<@NonNull Integer> historyTotal(@Source List<ScoreChangeConnection> connections) {
        var ids = connections.stream().map(ScoreChangeConnection::leadUuid).distinct().toList();
        Map<UUID, Integer> counts = work(c -> ScoreReads.historyCounts(c, workspace.id(), ids));
        return connections.stream().map(c -> counts.getOrDefault(c.leadUuid(), 0)).toList();
    }

    @Name("mqlCrossings")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("Each version under which the lead reached MQL, with the moment and the evidence (one per version).")
    public List<@NonNull List<@NonNull CrossingView>> mqlCrossings(@Source List<LeadView> leads) {
        var ids = leads.stream().map(LeadView::uuid).toList();
        var byLead = work(c -> ScoreReads.crossings(c, workspace.id(), ids));
        return ids.stream().map(id -> byLead.getOrDefault(id, List.of())).toList();
    }

    @Name("scoringJob")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("The latest rescoring job of this version; null for drafts.")
    public List<JobView> scoringJob(@Source List<VersionView> versions) {
        var ids = versions.stream().map(VersionView::uuid).toList();
        Map<UUID, ScoringJob> latest = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            ScoringJob.<ScoringJob>list("versionId in ?1 order by createdAt", ids).forEach(j -> latest.put(j.versionId(), j));
        }
        return ids.stream().map(latest::get).map(j -> j == null ? null : view(j)).toList();
    }

    @Mutation("scoringJobResume")
    @RolesAllowed(Roles.ADMIN)
    @Description("Queues a FAILED rescoring job again, for when the cause of the failure is fixed; a worker continues where"
            + " each part stopped and, when it succeeds, the version's scores are served.")
    public @NonNull ResumePayload scoringJobResume(@NonNull @Description("The job.") ScoringInputs.JobResume input) {
        var result = jobs.resume(NodeId.require("ScoringJob", input.jobId(), "jobId"));
        return new ResumePayload(result.job() == null ? null : view(result.job()), result.userErrors());
    }

    public static JobView view(ScoringJob j) {
        return new JobView(NodeId.of("ScoringJob", j.id()), j.state(), j.processed(), j.total(), utc(j.asOf()),
                utc(j.startedAt()), utc(j.finishedAt()), j.error());
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private <T> T work(org.hibernate.jdbc.ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }
}
