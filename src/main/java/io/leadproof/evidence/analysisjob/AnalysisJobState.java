package io.leadproof.evidence.analysisjob;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("SignalAnalysisJobState")
@Description("Where a signal analysis job stands.")
public enum AnalysisJobState {
    @Description("Waiting for a pod to run it.") QUEUED,
    @Description("A pod is running it.") RUNNING,
    @Description("Done: the result is kept.") SUCCEEDED,
    @Description("Stopped by an error (see error) or by bad input found when it ran.") FAILED,
    @Description("Cancelled before it finished; no result is kept.") CANCELLED;

    boolean isOpen() {
        return this == QUEUED || this == RUNNING;
    }
}
