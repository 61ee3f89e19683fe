package io.leadproof.evidence.rejections;

import io.leadproof.evidence.core.ReferenceMoment;
import io.leadproof.evidence.core.SignalAnalysis;
import io.leadproof.evidence.core.SignalCount;
import io.leadproof.evidence.core.SignalCounts;
import io.leadproof.evidence.core.SignalDefinition;
import io.leadproof.evidence.core.SignalFamily;
import io.leadproof.evidence.core.SignalOptions;
import io.leadproof.evidence.core.SignalResult;
import io.leadproof.evidence.core.SignalStatistics;
import io.leadproof.evidence.core.SignalTally;
import io.leadproof.evidence.core.Verdict;
import io.leadproof.evidence.core.Wording;
import io.leadproof.feedback.RejectionCategory;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What sales' rejections say, over the handoffs of a window: per reason and per category the count,
 * share of all rejections and monthly trend (by month of handoff in {@code zone}); per reason, which
 * rule contributions, trait values, custom attributes, campaigns, sources and channels are
 * over-represented among its rejections (group A) against the accepted handoffs (group B), with the
 * statistics of {@link SignalStatistics} (q-values across the candidates of that reason); and the
 * findings in plain words. Pending handoffs count only as handoffs of their month.
 */
public final class RejectionInsights {
    static final Set<SignalFamily> FAMILIES = EnumSet.of(SignalFamily.TRAIT, SignalFamily.CUSTOM_ATTRIBUTE,
            SignalFamily.CAMPAIGN, SignalFamily.SOURCE, SignalFamily.CHANNEL, SignalFamily.RULE);

    private RejectionInsights() {
    }

    public record Result(int handoffs, int rejected, int accepted, List<ReasonSummary> reasons,
                         List<ReasonSummary> categories, List<Finding> findings) {
    }

    /** The insights from one record per handoff, counted here (the plain recomputation of {@link #analyse(RejectionCounts)}). */
    public static Result analyse(List<HandoffCase> handoffs, ZoneId zone, SignalOptions options) {
        Trends trends = new Trends();
        Map<String, RejectionCategory> reasons = new TreeMap<>();
        int rejected = 0;
        int accepted = 0;
        for (HandoffCase handoff : handoffs) {
            trends.add(handoff, zone);
            if (handoff.response() == HandoffCase.Response.REJECTED) {
                rejected++;
                reasons.put(handoff.reasonCode(), handoff.category());
            } else if (handoff.response() == HandoffCase.Response.ACCEPTED) {
                accepted++;
            }
        }
        int acceptedCount = accepted;
        return result(handoffs.size(), rejected, accepted, reasons, trends,
                reason -> acceptedCount == 0 ? List.of() : compare(handoffs, reason, options));
    }

    /** The insights from counts made in the database: the same result as {@link #analyse(List, ZoneId, SignalOptions)}. */
    public static Result analyse(RejectionCounts counts) {
        Trends trends = new Trends();
        int handoffs = 0;
        int rejected = 0;
        int accepted = 0;
        for (RejectionCounts.MonthCount month : counts.months()) {
            trends.add(month);
            handoffs += month.handoffs();
            if (month.response() == HandoffCase.Response.REJECTED) {
                rejected += month.handoffs();
            } else if (month.response() == HandoffCase.Response.ACCEPTED) {
                accepted += month.handoffs();
            }
        }
        int acceptedCount = accepted;
        return result(handoffs, rejected, accepted, new TreeMap<>(counts.reasons()), trends,
                reason -> acceptedCount == 0 ? List.of() : results(reason, counts.rules().getOrDefault(reason, List.of()),
                        counts.traits().get(reason)));
    }

    private static Result result(int handoffs, int rejected, int accepted, Map<String, RejectionCategory> reasons,
                                 Trends trends, Function<String, List<SignalResult>> compare) {
        List<ReasonSummary> reasonSummaries = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, RejectionCategory> reason : reasons.entrySet()) {
            List<SignalResult> signals = compare.apply(reason.getKey());
            int count = trends.reasonCount(reason.getKey());
            reasonSummaries.add(new ReasonSummary(reason.getKey(), reason.getValue(), count, (double) count / rejected,
                    trends.reasonTrend(reason.getKey()), signals));
            for (SignalResult signal : signals) {
                if (signal.verdict() != Verdict.NOT_ENOUGH_EVIDENCE && signal.favoursA()) {
                    findings.add(Findings.of(reason.getKey(), reason.getValue(), signal));
                }
            }
        }
        reasonSummaries.sort(Comparator.comparingInt(ReasonSummary::rejected).reversed()
                .thenComparing(ReasonSummary::reasonCode));
        List<ReasonSummary> categories = new ArrayList<>();
        for (RejectionCategory category : RejectionCategory.values()) {
            int count = trends.categoryCount(category);
            if (count > 0) {
                categories.add(new ReasonSummary(null, category, count, (double) count / rejected,
                        trends.categoryTrend(category), List.of()));
            }
        }
        findings.sort(Comparator.comparing((Finding f) -> f.statistics().verdict())
                .thenComparingDouble(f -> f.statistics().qValue()));
        return new Result(handoffs, rejected, accepted, reasonSummaries, categories, findings);
    }

    /** The candidates of one reason: its rejections (A) against the accepted handoffs (B). */
    private static List<SignalResult> compare(List<HandoffCase> handoffs, String reasonCode, SignalOptions options) {
        SignalTally tally = new SignalTally(options);
        Map<String, int[]> rules = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (HandoffCase handoff : handoffs) {
            boolean inA = handoff.response() == HandoffCase.Response.REJECTED && handoff.reasonCode().equals(reasonCode);
            if (!inA && handoff.response() != HandoffCase.Response.ACCEPTED) {
                continue;
            }
            tally.add(handoff.lead(), inA);
            for (HandoffCase.RuleHit hit : handoff.contributions().stream().distinct().toList()) {
                rules.computeIfAbsent(hit.ruleKey(), k -> new int[2])[inA ? 0 : 1]++;
                labels.putIfAbsent(hit.ruleKey(), hit.label());
            }
        }
        List<RejectionCounts.RuleCount> counted = new ArrayList<>();
        rules.forEach((key, counts) -> counted.add(new RejectionCounts.RuleCount(key, labels.get(key), counts[0], counts[1])));
        return results(reasonCode, counted, tally.counts());
    }

    /** The statistics of a reason's candidates: its rules (in order of first appearance), then its trait signals. */
    private static List<SignalResult> results(String reasonCode, List<RejectionCounts.RuleCount> rules, SignalCounts traits) {
        List<SignalCount> candidates = new ArrayList<>();
        for (RejectionCounts.RuleCount rule : rules) {
            if (rule.a() + rule.b() > 0 && !(rule.a() == traits.nA() && rule.b() == traits.nB())) {
                candidates.add(new SignalCount(new SignalDefinition.RuleContribution(rule.ruleKey(), rule.label()), rule.a(),
                        rule.b()));
            }
        }
        traits.signals().stream().filter(c -> FAMILIES.contains(c.signal().family())).forEach(candidates::add);
        SignalCounts counts = new SignalCounts(traits.nA(), traits.nB(), candidates);
        List<SignalResult> results = new ArrayList<>(SignalStatistics.analyse(counts,
                new Wording(reasonCode + " rejections", "accepted handoffs", ReferenceMoment.atHandoff())));
        results.sort(SignalAnalysis.STRONGEST_FIRST);
        return results;
    }
}
