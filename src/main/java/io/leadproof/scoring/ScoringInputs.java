package io.leadproof.scoring;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Input objects of the scoring mutations. */
public final class ScoringInputs {

    private ScoringInputs() {
    }

    @Input("ScoringJobResumeInput")
    @Description("A FAILED rescoring job to resume.")
    public record JobResume(@NonNull @Id @Description("The job's global id (CriteriaVersion.scoringJob.id).") String jobId) {
    }
}
