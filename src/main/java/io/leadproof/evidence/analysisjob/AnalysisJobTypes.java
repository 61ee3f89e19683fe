package io.leadproof.evidence.analysisjob;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.common.Node;
import io.leadproof.common.NodeId;
import io.leadproof.common.UserError;

/** The API's view of signal analysis jobs. */
public final class AnalysisJobTypes {

    static final String TYPE = "SignalAnalysisJob";

    private AnalysisJobTypes() {
    }

    @Type(TYPE)
    @Description("A signal analysis run as a job, for cohorts too large to wait for: progress while it runs and, once "
            + "SUCCEEDED, the same answer signalAnalysis gives, kept for later reads. Outcomes are judged as of outcomesAsOf.")
    public record JobView(
            @Id @NonNull @Description("Global id.") String id,
            @NonNull @Description("QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED.") AnalysisJobState state,
            @NonNull @Description("From 0 (queued) to 1 (done): 0.1 reading the cohort, 0.6 analysing, 1 kept.") double progress,
            @NonNull @Description("How many times a worker started it (a job taken over from a dead pod starts again).") int attempts,
            @NonNull @Description("Outcomes are as of this instant (when the job was requested).") OffsetDateTime outcomesAsOf,
            @NonNull @Description("Who requested it.") String requestedBy,
            @NonNull @Description("When it was requested.") OffsetDateTime createdAt,
            @Description("When a worker first started it.") OffsetDateTime startedAt,
            @Description("When it finished, failed or was cancelled.") OffsetDateTime finishedAt,
            @Description("Why it FAILED.") String error,
            @Ignore UUID uuid, @Ignore AnalysisJob job) implements Node {

        public static JobView of(AnalysisJob job) {
            return new JobView(NodeId.of(TYPE, job.id()), job.state(), job.progress(), job.attempts(), utc(job.asOf()),
                    job.requestedBy(), utc(job.createdAt()), utc(job.startedAt()), utc(job.finishedAt()), job.error(), job.id(), job);
        }

        private static OffsetDateTime utc(Instant i) {
            return i == null ? null : i.atOffset(ZoneOffset.UTC);
        }
    }

    @Input("SignalAnalysisCancelInput")
    @Description("The signal analysis job to cancel.")
    public record CancelInput(@NonNull @Id @Description("The job.") String jobId) {
    }

    @Type("SignalAnalysisJobPayload")
    @Description("The job started or cancelled, or the problems with the input.")
    public record Payload(
            @Description("The job; null when the input had errors.") JobView job,
            @NonNull @Description("Problems with the input; nothing was queued or changed then.") List<@NonNull UserError> userErrors) {

        static Payload of(AnalysisJobs.Result r) {
            return new Payload(r.job() == null ? null : JobView.of(r.job()), r.userErrors());
        }
    }
}
