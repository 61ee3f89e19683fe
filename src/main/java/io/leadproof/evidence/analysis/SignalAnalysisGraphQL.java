package io.leadproof.evidence.analysis;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.leadproof.common.ApiException;
import io.leadproof.common.Cursors;
import io.leadproof.common.PageInfo;
import io.leadproof.common.WorkMeter;
import io.leadproof.evidence.api.AnalysisRequestCheck;
import io.leadproof.evidence.api.AnalysisTypes;
import io.leadproof.evidence.api.EvidenceInputs;
import io.leadproof.evidence.api.SampleTypes;
import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.lead.LeadService;
import io.leadproof.lead.LeadView;
import io.leadproof.security.Roles;

/** The won-vs-stalled signal analysis and the side-by-side deals of its two groups. */
@GraphQLApi
public class SignalAnalysisGraphQL {
    private static final String SAMPLE_CURSOR = "signalAnalysisDeal|";

    @Inject
    SignalAnalysisService analyses;
    @Inject
    LeadService leads;
    @Inject
    io.smallrye.graphql.api.Context context;

    @Query("signalAnalysis")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.LEADERSHIP })
    @Description("Compares what group A (default won deals) and group B (default stalled or lost deals) showed at the "
            + "reference moment, signal by signal, with rates, lift, odds ratio, exact p-value, q-value, verdict and one "
            + "sentence each (see docs/evidence.md). Bad input comes back as userErrors.")
    public @NonNull AnalysisTypes.Payload signalAnalysis(@NonNull @Description("The comparison.") EvidenceInputs.SignalAnalysisInput input) {
        var checked = AnalysisRequestCheck.check(input);
        if (checked.request() == null) {
            return AnalysisTypes.Payload.failed(checked.errors());
        }
        var payload = analyses.analyse(checked.request());
        if (payload.analysis() != null) {
            WorkMeter.rows(context, payload.analysis().dealsA().size() + (long) payload.analysis().dealsB().size());
        }
        return payload;
    }

    @Name("dealsA")
    @Description("The deals of group A, most recent reference moment first: each with its early signals side by side.")
    public @NonNull SampleTypes.Connection dealsA(@Source AnalysisTypes.AnalysisView analysis,
            @Description("Page size, 1.." + Cursors.MAX_PAGE + " (default " + Cursors.DEFAULT_PAGE + ").") Integer first,
            @Description("Cursor of the last edge of the previous page.") String after) {
        return page(analysis.dealsA(), analysis, first, after);
    }

    @Name("dealsB")
    @Description("The deals of group B, most recent reference moment first: each with its early signals side by side.")
    public @NonNull SampleTypes.Connection dealsB(@Source AnalysisTypes.AnalysisView analysis,
            @Description("Page size, 1.." + Cursors.MAX_PAGE + " (default " + Cursors.DEFAULT_PAGE + ").") Integer first,
            @Description("Cursor of the last edge of the previous page.") String after) {
        return page(analysis.dealsB(), analysis, first, after);
    }

    @Name("lead")
    @Description("The lead as it is now (the deal's other fields show it as it was at the reference moment).")
    public List<LeadView> lead(@Source List<SampleTypes.SampleDeal> deals) {
        var found = leads.findAll(deals.stream().map(SampleTypes.SampleDeal::leadUuid).toList());
        return deals.stream().map(d -> found.get(d.leadUuid())).map(l -> l == null ? null : LeadView.of(l)).toList();
    }

    private static SampleTypes.Connection page(List<ReferenceLead> deals, AnalysisTypes.AnalysisView analysis,
                                               Integer first, String after) {
        int size = Cursors.pageSize(first);
        int start = after == null ? 0 : position(after) + 1;
        List<SampleTypes.Edge> edges = new ArrayList<>();
        for (int i = start; i < Math.min(deals.size(), start + size); i++) {
            edges.add(new SampleTypes.Edge(Cursors.seal(SAMPLE_CURSOR + i),
                    SampleTypes.SampleDeal.of(deals.get(i), analysis.firstCallWindow())));
        }
        boolean more = start + size < deals.size();
        return new SampleTypes.Connection(deals.size(), edges,
                PageInfo.of(edges.stream().map(SampleTypes.Edge::cursor).toList(), more, after != null));
    }

    private static int position(String cursor) {
        String raw = Cursors.open(cursor);
        if (raw != null && raw.startsWith(SAMPLE_CURSOR)) {
            try {
                return Integer.parseInt(raw.substring(SAMPLE_CURSOR.length()));
            } catch (NumberFormatException e) {
                // refused below
            }
        }
        throw ApiException.invalid("INVALID_CURSOR", "after is not a cursor of this list");
    }
}
