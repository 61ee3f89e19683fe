package io.leadproof.scoring;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.common.Node;
import io.leadproof.common.PageInfo;
import io.leadproof.common.UserError;
import io.leadproof.scoring.engine.RuleKind;
import io.smallrye.graphql.api.Deprecated;

/** Output types of scores, their history and rescoring jobs. */
public final class ScoringTypes {

    private ScoringTypes() {
    }

    @Type("LeadScore")
    @Description("A lead's score under one criteria version, with the contributions that prove it. total = sum of contributions.")
    public record ScoreView(
            @Id @NonNull @Description("Global id: gid://leadproof/LeadScore/<lead uuid>/<criteria version uuid> (one score per lead and version).") String id,
            @NonNull @Description("Total points.") int total,
            @NonNull @Description("Points from FIT rules.") int fit,
            @NonNull @Description("Points from ENGAGEMENT rules.") int engagement,
            @NonNull @Description("Whether the lead meets the thresholds with no knock-out.") boolean qualified,
            @NonNull @Description("Keys of the knock-out rules that disqualify the lead.") List<@NonNull String> knockedOutBy,
            @NonNull @Description("Every rule that matched, with points and evidence.") List<@NonNull ContributionView> contributions,
            @Deprecated(reason = "Use version { id }. Removed in the next release.") @Id @NonNull @Description("Criteria version the score was computed under.") String versionId,
            @NonNull @Description("The instant the score describes.") OffsetDateTime asOf) implements io.leadproof.common.Node {
    }

    @Type("ScoreContribution")
    @Description("Points one rule gave, and the evidence.")
    public record ContributionView(
            @NonNull @Description("Rule key.") String ruleKey,
            @NonNull @Description("Rule label.") String ruleLabel,
            @NonNull @Description("Rule kind.") RuleKind kind,
            @NonNull @Description("Points (0 for knock-outs).") int points,
            @NonNull @Description("Human-readable evidence, e.g. '3 × EBOOK_DOWNLOAD in last 90 days'.") String evidence) {
    }

    @Type("ScoreChange")
    @Description("An entry of the append-only score ledger.")
    public record ScoreChangeView(
            @Deprecated(reason = "Use version { id }. Removed in the next release.") @Id @NonNull @Description("Criteria version.") String versionId,
            @Description("Total before; null for the first score under the version.") Integer oldTotal,
            @NonNull @Description("Total after.") int newTotal,
            @NonNull @Description("Qualified after the change.") boolean qualified,
            @NonNull @Description("Why the score was recomputed.") ScoreCause cause,
            @NonNull @Description("The instant the new score describes.") OffsetDateTime asOf,
            @NonNull @Description("When the entry was written.") OffsetDateTime recordedAt) {
    }

    @Type("ScoreChangeConnection")
    @Description("A page of score changes, newest first.")
    public record ScoreChangeConnection(
            @NonNull @Description("Changes with cursors.") List<@NonNull ScoreChangeEdge> edges,
            @NonNull @Description("Pagination information.") PageInfo pageInfo,
            @org.eclipse.microprofile.graphql.Ignore UUID leadUuid) {
    }

    @Type("ScoreChangeEdge")
    @Description("A score change and its cursor.")
    public record ScoreChangeEdge(
            @NonNull @Description("Cursor to pass as `after`.") String cursor,
            @NonNull @Description("The change.") ScoreChangeView node) {
    }

    @Type("MqlCrossing")
    @Description("The moment a lead first reached MQL under a version; recorded once, never rewritten.")
    public record CrossingView(
            @Deprecated(reason = "Use version { id }. Removed in the next release.") @Id @NonNull @Description("Criteria version.") String versionId,
            @NonNull @Description("When the lead crossed the threshold.") OffsetDateTime crossedAt,
            @NonNull @Description("Total at that moment.") int total,
            @NonNull @Description("Contributions at that moment.") List<@NonNull ContributionView> contributions) {
    }

    @Type("ScoringJob")
    @Description("Background rescoring of all leads after a publish. Old scores stay served until it succeeds; meanwhile new"
            + " activity is scored under both versions and the new (active) version drives MQLs and handoffs. A worker on any"
            + " pod holds it under a lease; when that pod dies, another one takes it over within leadproof.scoring.lease and"
            + " continues where it stopped.")
    public record JobView(
            @Id @NonNull @Description("Global id.") String id,
            @NonNull @Description("State; see ScoringJobState for what FAILED means and how to resume.") ScoringJobState state,
            @NonNull @Description("Leads scored so far.") int processed,
            @NonNull @Description("Leads to score: the workspace's leads when the job was queued, erased leads excluded. When the"
                    + " job succeeds it is set to processed, which counts leads added meanwhile and not the ones erased.") int total,
            @NonNull @Description("The instant all scores are computed as of (the publish time).") OffsetDateTime asOf,
            @Description("When work began.") OffsetDateTime startedAt,
            @Description("When it ended; null while it runs and after a resume.") OffsetDateTime finishedAt,
            @Description("Why it failed (the last error, with an incident id for support) or was superseded; null otherwise.")
            String error) implements Node {
    }

    @Type("ScoringJobResumePayload")
    @Description("Result of scoringJobResume.")
    public record ResumePayload(
            @Description("The job, QUEUED again; null when nothing changed.") JobView job,
            @NonNull @Description("Why the job was not resumed: NOT_FOUND, NOT_FAILED, VERSION_NOT_ACTIVE.") List<@NonNull UserError> userErrors) {
    }
}
