package io.leadproof.evidence.analysisjob;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.leadproof.common.NodeId;
import io.leadproof.evidence.analysis.SignalAnalysisService;
import io.leadproof.evidence.api.AnalysisTypes;
import io.leadproof.evidence.api.EvidenceErrorCode;
import io.leadproof.evidence.api.EvidenceInputs;
import io.leadproof.security.Roles;

/** Signal analyses as jobs: start, read (with the kept answer), cancel. Roles as signalAnalysis. */
@GraphQLApi
public class AnalysisJobGraphQL {

    @Inject
    AnalysisJobs jobs;
    @Inject
    SignalAnalysisService analyses;

    @Mutation("signalAnalysisStart")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.LEADERSHIP })
    @Description("Queues signalAnalysis over a cohort too large to wait for (the same input, checked the same way: bad input "
            + "comes back as userErrors and queues nothing); read it with signalAnalysisJob or node(id).")
    public @NonNull AnalysisJobTypes.Payload signalAnalysisStart(@NonNull @Description("The comparison.") EvidenceInputs.SignalAnalysisInput input) {
        return AnalysisJobTypes.Payload.of(jobs.start(input));
    }

    @Mutation("signalAnalysisCancel")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.LEADERSHIP })
    @Description("Cancels a QUEUED or RUNNING signal analysis job; it keeps no result.")
    public @NonNull AnalysisJobTypes.Payload signalAnalysisCancel(@NonNull @Description("The job.") AnalysisJobTypes.CancelInput input) {
        UUID id = NodeId.parse(AnalysisJobTypes.TYPE, input.jobId());
        if (id == null) {
            return new AnalysisJobTypes.Payload(null, List.of(EvidenceErrorCode.NOT_FOUND.error(
                    "jobId is not a SignalAnalysisJob id (gid://leadproof/SignalAnalysisJob/<uuid>)", "input", "jobId")));
        }
        return AnalysisJobTypes.Payload.of(jobs.cancel(id));
    }

    @Query("signalAnalysisJob")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.LEADERSHIP })
    @Description("A signal analysis job by id, with its progress and (once SUCCEEDED) its answer; null when this workspace has none.")
    public AnalysisJobTypes.JobView signalAnalysisJob(@NonNull @Id @Description("Job id.") String id) {
        UUID uuid = NodeId.require(AnalysisJobTypes.TYPE, id, "id");
        return jobs.find(uuid).map(AnalysisJobTypes.JobView::of).orElse(null);
    }

    @Name("result")
    @Description("The answer once SUCCEEDED, as signalAnalysis gives it (its deals read as of outcomesAsOf, page by page); "
            + "null before and for FAILED or CANCELLED jobs.")
    public AnalysisTypes.AnalysisView result(@Source AnalysisJobTypes.JobView view) {
        AnalysisJob job = view.job();
        if (job.state() != AnalysisJobState.SUCCEEDED || job.resultJson() == null) {
            return null;
        }
        var request = AnalysisJobs.request(job);
        return StoredAnalysis.fromJson(job.resultJson()).view(ids -> analyses.deals(request, job.asOf(), ids));
    }
}
