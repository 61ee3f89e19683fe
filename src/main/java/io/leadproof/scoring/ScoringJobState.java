package io.leadproof.scoring;

import org.eclipse.microprofile.graphql.Description;

@Description("State of a rescoring job.")
public enum ScoringJobState {
    @Description("Waiting for a worker.") QUEUED,
    @Description("Scoring leads; after a crash another pod takes it over once its lease runs out and resumes where it stopped.") RUNNING,
    @Description("All leads scored; the version's scores are now served.") SUCCEEDED,
    @Description("Stopped by an error that persisted through leadproof.scoring.chunk-attempts retries with backoff (see error; a"
            + " database outage never fails a job, it only pauses it). The version stays published (ACTIVE): it scores new"
            + " activity and drives MQLs and handoffs, but leads it has not reached keep the scores of the previously served"
            + " version, which stays served. Once the cause is fixed, scoringJobResume continues where the job stopped.") FAILED,
    @Description("A newer version was published first; its own job took over.") SUPERSEDED
}
