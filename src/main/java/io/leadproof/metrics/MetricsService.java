package io.leadproof.metrics;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadproof.common.ApiException;
import io.leadproof.common.Cursors;
import io.leadproof.common.NodeId;
import io.leadproof.common.ReplicaReads;
import io.leadproof.lead.LeadSource;
import io.leadproof.security.CurrentWorkspace;

/** Owns metrics reads: validates and authorizes a request, runs its one statement, assembles bundles. */
@ApplicationScoped
public class MetricsService {

    public static final int DEFAULT_BAND_WIDTH = 10;

    /** A group of a breakdown page with its bundle. */
    public record Grouped(MetricsDimension by, String key, MetricsWindow.Period period, MetricsBundle bundle, MetricsAttribute attribute) {
        Grouped(MetricsDimension by, String key, MetricsWindow.Period period, MetricsBundle bundle) {
            this(by, key, period, bundle, null);
        }
    }

    public record Page(List<Grouped> groups, int totalCount, boolean hasNext) {
    }

    @Inject
    Clock clock;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    MetricsAccess access;
    @Inject
    ObjectMapper json;
    @Inject
    ReplicaReads reads;

    @Transactional
    public MetricsBundle bundle(MetricsInputs.WindowInput window, MetricsInputs.FilterInput filter, Integer bandWidth) {
        var w = MetricsWindow.of(window);
        var f = filter(filter, null);
        var q = new MetricsQuery(workspace.id(), List.of(w.whole()), f, MetricsQuery.Key.NONE, clock.instant(),
                bandWidth(bandWidth), f.spendAttributable());
        var answer = run(q);
        var tally = answer.tallies().getOrDefault(new MetricsSql.Group(0, null), new Tally());
        return MetricsBundle.of(tally, answer.currency(), q.asOf(), q.bandWidth(), q.spend(),
                new MetricsScope(q.workspace(), w.whole().start(), w.whole().end(), f, MetricsQuery.Key.NONE, null));
    }

    @Transactional
    public Page breakdown(MetricsInputs.WindowInput window, MetricsInputs.FilterInput filter, MetricsDimension by,
            Integer first, String after, Integer bandWidth, MetricsInputs.AttributeInput attributeInput) {
        if (attributeInput != null && by != MetricsDimension.CUSTOM_ATTRIBUTE) {
            throw ApiException.invalid("ATTRIBUTE_WITHOUT_DIMENSION", "attribute is only for by: CUSTOM_ATTRIBUTE");
        }
        var attribute = by == MetricsDimension.CUSTOM_ATTRIBUTE ? MetricsAttribute.of(attributeInput) : null;
        var w = MetricsWindow.of(window);
        var f = filter(filter, by);
        int size = Cursors.pageSize(first);
        String[] position = MetricsCursor.decode(by, after);
        Instant asOf = clock.instant();
        int width = bandWidth(bandWidth);
        var groups = new ArrayList<Grouped>();
        if (by.isPeriod()) {
            var all = w.periods(by);
            var page = all.stream().filter(p -> MetricsCursor.isAfter(p.from().toString(), position)).limit(size + 1L).toList();
            var shown = page.stream().limit(size).toList();
            var q = new MetricsQuery(workspace.id(), reindexed(shown), f, MetricsQuery.Key.NONE, asOf, width, f.spendAttributable());
            var answer = run(q);
            for (int i = 0; i < shown.size(); i++) {
                var t = answer.tallies().getOrDefault(new MetricsSql.Group(i, null), new Tally());
                groups.add(new Grouped(by, shown.get(i).from().toString(), shown.get(i),
                        MetricsBundle.of(t, answer.currency(), asOf, width, q.spend(),
                                new MetricsScope(q.workspace(), shown.get(i).start(), shown.get(i).end(), f, MetricsQuery.Key.NONE, null))));
            }
            return new Page(groups, all.size(), page.size() > size);
        }
        var key = MetricsQuery.Key.valueOf(by.name());
        boolean spend = f.spendAttributable() && (key == MetricsQuery.Key.CAMPAIGN || key == MetricsQuery.Key.SOURCE);
        var q = new MetricsQuery(workspace.id(), List.of(w.whole()), f, key, asOf, width, spend, attribute);
        var answer = run(q);
        Map<MetricsSql.Group, Tally> tallies = answer.tallies();
        var order = attribute == null ? MetricsCursor.ORDER : attribute.order();
        var keys = tallies.keySet().stream().map(MetricsSql.Group::key).sorted(order).toList();
        var page = keys.stream().filter(k -> position == null || order.compare(k, position[0]) > 0).limit(size + 1L).toList();
        for (String k : page.stream().limit(size).toList()) {
            groups.add(new Grouped(by, k, null,
                    MetricsBundle.of(tallies.get(new MetricsSql.Group(0, k)), answer.currency(), asOf, width, spend,
                            new MetricsScope(q.workspace(), w.whole().start(), w.whole().end(), f, key, k, attribute)), attribute));
        }
        return new Page(groups, keys.size(), page.size() > size);
    }

    private static List<MetricsWindow.Period> reindexed(List<MetricsWindow.Period> periods) {
        var result = new ArrayList<MetricsWindow.Period>();
        for (var p : periods) {
            result.add(new MetricsWindow.Period(result.size(), p.from(), p.to(), p.start(), p.end()));
        }
        return result;
    }

    private MetricsQuery.Filter filter(MetricsInputs.FilterInput in, MetricsDimension by) {
        var none = MetricsQuery.Filter.NONE;
        String askedOwner = in == null ? null : in.owner();
        if (askedOwner != null && (askedOwner.isBlank() || askedOwner.length() > 100)) {
            throw ApiException.invalid("INVALID_OWNER", "filter.owner must be a user name of 1..100 characters");
        }
        String owner = access.owner(askedOwner, by);
        if (in == null) {
            return new MetricsQuery.Filter(none.campaigns(), none.sources(), none.versions(), owner);
        }
        return new MetricsQuery.Filter(ids("Campaign", in.campaignIds(), "filter.campaignIds"),
                in.sources() == null ? List.of() : in.sources().stream().filter(java.util.Objects::nonNull).distinct().map(LeadSource::name).toList(),
                ids("CriteriaVersion", in.criteriaVersionIds(), "filter.criteriaVersionIds"), owner);
    }

    private static List<UUID> ids(String type, List<String> ids, String argument) {
        if (ids == null) {
            return List.of();
        }
        if (ids.size() > Cursors.MAX_PAGE) {
            throw ApiException.limit("TOO_MANY_IDS", argument + " takes at most " + Cursors.MAX_PAGE + " ids");
        }
        return ids.stream().map(id -> NodeId.require(type, id, argument)).distinct().toList();
    }

    private static int bandWidth(Integer width) {
        if (width == null) {
            return DEFAULT_BAND_WIDTH;
        }
        if (width < 1 || width > 1000) {
            throw ApiException.invalid("INVALID_BAND_WIDTH", "scoreBandWidth must be between 1 and 1000");
        }
        return width;
    }

    /** {@code MetricsBundle.quality} of each bundle, one statement each, in one read (docs/metrics.md, "Data quality"). */
    @Transactional
    public List<MetricsQuality> quality(List<MetricsScope> scopes) {
        return reads.read(c -> {
            var result = new ArrayList<MetricsQuality>(scopes.size());
            for (var s : scopes) {
                result.add(MetricsQualitySql.read(c, s));
            }
            return result;
        });
    }

    /** The one statement of a request: on the read-only datasource when one is configured (docs/operations.md). */
    private MetricsSql.Answer run(MetricsQuery q) {
        return reads.read(c -> {
            if (q.perLead()) {
                MetricsAttributeCheck.check(c, q);
            }
            return MetricsSql.run(c, q, json);
        });
    }
}
