package io.leadproof.scoring;

import org.eclipse.microprofile.graphql.Description;

@Description("State of a rescoring job.")
public enum ScoringJobState {
    @Description("Waiting for a worker.") QUEUED,
    @Description("Scoring leads; after a crash another pod takes it over once its lease runs out and resumes where it stopped.") RUNNING,
    @Description("All leads scored; the version's scores are now served.") SUCCEEDED,
    @Description("Stopped by an error that persisted through leadproof.scoring.chunk-attempts retries with backoff (see error; a"
            + " database outage never fails a job, it only pauses it). The version stays published (ACTIVE): new activity is"
            + " scored under it and it drives MQLs and handoffs, but reads keep serving the previous version's scores. Once"
            + " the cause is fixed, scoringJobResume continues the job where it stopped.") FAILED,
    @Description("A newer version was published first; its own job took over.") SUPERSEDED
}
