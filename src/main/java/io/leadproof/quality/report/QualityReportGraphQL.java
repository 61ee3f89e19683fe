package io.leadproof.quality.report;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.hibernate.Session;

import io.leadproof.campaign.CampaignService;
import io.leadproof.campaign.CampaignTypes.CampaignView;
import io.leadproof.lead.Lead;
import io.leadproof.lead.LeadService;
import io.leadproof.lead.LeadSource;
import io.leadproof.lead.LeadView;
import io.leadproof.metrics.MetricsInputs;
import io.leadproof.metrics.MetricsWindow;
import io.leadproof.quality.report.QualityReportTypes.CampaignQuality;
import io.leadproof.quality.report.QualityReportTypes.CheckCount;
import io.leadproof.quality.report.QualityReportTypes.Counts;
import io.leadproof.quality.report.QualityReportTypes.Misses;
import io.leadproof.quality.report.QualityReportTypes.Report;
import io.leadproof.quality.report.QualityReportTypes.SourceQuality;
import io.leadproof.security.CurrentWorkspace;
import io.leadproof.security.Roles;

/** {@code dataQualityReport(window)}: four set-based reads over the cohort, example leads loaded in one go. */
@GraphQLApi
public class QualityReportGraphQL {

    @Inject
    EntityManager em;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    LeadService leads;
    @Inject
    CampaignService campaigns;

    private record Raw(QualityReportSql.Counts total, List<QualityReportSql.Check> checks, List<QualityReportSql.Group> campaigns,
            List<QualityReportSql.Group> sources, QualityReportSql.Misses misses) {
    }

    @Query("dataQualityReport")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.LEADERSHIP })
    @Description("Data quality of the leads created in the window: counts per check, the worst campaigns and sources, "
            + "example leads, and rejections for bad data the checks missed (docs/data-quality.md).")
    @Transactional
    public @NonNull Report dataQualityReport(@NonNull @Description("The cohort window, as for metrics.") MetricsInputs.WindowInput window) {
        var w = MetricsWindow.of(window);
        String ws = workspace.id();
        Raw raw = em.unwrap(Session.class).doReturningWork(c -> new Raw(
                QualityReportSql.totals(c, ws, w.start(), w.end()), QualityReportSql.checks(c, ws, w.start(), w.end()),
                QualityReportSql.worst(c, ws, w.start(), w.end(), "campaign_id"),
                QualityReportSql.worst(c, ws, w.start(), w.end(), "source"), QualityReportSql.misses(c, ws, w.start(), w.end())));
        Set<UUID> examples = new HashSet<>(raw.misses().examples());
        raw.checks().forEach(ch -> examples.addAll(ch.examples()));
        Map<UUID, Lead> found = leads.findAll(examples);
        var campaignIds = raw.campaigns().stream().map(g -> UUID.fromString(g.key())).toList();
        var campaignsFound = campaigns.findAll(campaignIds);
        return new Report(Counts.of(raw.total()),
                raw.checks().stream().map(ch -> new CheckCount(ch.code(), Math.toIntExact(ch.leads()), views(ch.examples(), found))).toList(),
                raw.campaigns().stream().map(g -> new CampaignQuality(campaignsFound.containsKey(UUID.fromString(g.key()))
                        ? CampaignView.of(campaignsFound.get(UUID.fromString(g.key()))) : null, Counts.of(g.counts()))).toList(),
                raw.sources().stream().map(g -> new SourceQuality(LeadSource.valueOf(g.key()), Counts.of(g.counts()))).toList(),
                new Misses(Math.toIntExact(raw.misses().rejected()), Math.toIntExact(raw.misses().missed()),
                        Counts.ratio(raw.misses().missed(), raw.misses().rejected()), views(raw.misses().examples(), found)));
    }

    private static List<LeadView> views(List<UUID> ids, Map<UUID, Lead> found) {
        return ids.stream().map(found::get).filter(Objects::nonNull).map(LeadView::of).toList();
    }
}
