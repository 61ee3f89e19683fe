package io.leadproof.scoring;

import org.eclipse.microprofile.graphql.Description;

@Description("State of a rescoring job.")
public enum ScoringJobState {
    @Description("Waiting for a worker.") QUEUED,
    @Description("Scoring leads; resumes where it stopped after a crash.") RUNNING,
    @Description("All leads scored; the version's scores are now served.") SUCCEEDED,
    @Description("Stopped by an error; see error.") FAILED,
    @Description("A newer version was published first; its own job took over.") SUPERSEDED
}
