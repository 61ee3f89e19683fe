package io.leadproof.evidence.insight;

import io.leadproof.common.UserErrorCode;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.leadproof.common.UserError;
import io.leadproof.evidence.analysis.SignalAnalysisService;
import io.leadproof.evidence.api.AnalysisRequestCheck;
import io.leadproof.evidence.api.EvidenceInputs;
import io.leadproof.evidence.core.SignalOptions;
import io.leadproof.evidence.rejections.RejectionInsights;
import io.leadproof.security.Roles;

/** What sales' rejections say: reasons and categories with their trends, over-represented signals and findings. */
@GraphQLApi
public class RejectionInsightsGraphQL {

    @Inject
    SignalAnalysisService analyses;

    @Query("rejectionInsights")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.LEADERSHIP })
    @Description("Per rejection reason and category over the window: count, share and monthly trend; which rule "
            + "contributions, trait values, campaigns and sources are over-represented among that reason's rejections vs "
            + "the accepted handoffs, with the statistics of signalAnalysis; and plain findings.")
    public @NonNull InsightTypes.Payload rejectionInsights(@NonNull @Description("The window.") EvidenceInputs.RejectionInsightsInput input) {
        List<UserError> errors = new ArrayList<>();
        var window = AnalysisRequestCheck.window(input.window(), errors, "input", "window");
        var filter = AnalysisRequestCheck.filter(input.filter(), errors);
        ZoneId zone = ZoneOffset.UTC;
        if (input.timeZone() != null) {
            try {
                zone = ZoneId.of(input.timeZone().strip());
            } catch (DateTimeException e) {
                errors.add(UserError.of(UserErrorCode.INVALID_TIME_ZONE, "timeZone is not an IANA time zone such as Europe/Berlin",
                        "input", "timeZone"));
            }
        }
        if (!errors.isEmpty()) {
            return new InsightTypes.Payload(null, errors);
        }
        var result = RejectionInsights.analyse(analyses.rejectionCounts(window[0], window[1], filter, zone, SignalOptions.defaults()));
        return new InsightTypes.Payload(new InsightTypes.InsightsView(window[0].atOffset(ZoneOffset.UTC),
                window[1].atOffset(ZoneOffset.UTC), result.handoffs(), result.rejected(), result.accepted(),
                result.reasons().stream().map(InsightTypes.ReasonView::of).toList(),
                result.categories().stream().map(InsightTypes.ReasonView::of).toList(),
                result.findings().stream().map(InsightTypes.FindingView::of).toList()), List.of());
    }
}
