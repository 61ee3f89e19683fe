package io.leadproof.evidence.analysis;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.leadproof.common.UserError;
import io.leadproof.evidence.api.AnalysisRequest;
import io.leadproof.evidence.api.AnalysisTypes;
import io.leadproof.evidence.api.EvidenceErrorCode;
import io.leadproof.evidence.api.SignalTypes;
import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.evidence.core.SignalAnalysis;
import io.leadproof.evidence.core.SignalOptions;
import io.leadproof.evidence.core.SignalResult;
import io.leadproof.evidence.api.DealList;
import io.leadproof.evidence.read.SignalCountReader;
import java.util.function.Function;

/**
 * A checked request over its cohort: runs the pure {@link SignalAnalysis} and maps its result to the API's
 * analysis, keeping both groups' deals (the sample, or the whole group) most recent first for the side-by-side
 * connections. An empty group or an unknown signal key is a user error, not an exception.
 */
public final class AnalysisRun {
    private static final Comparator<ReferenceLead> RECENT_FIRST = Comparator.comparing(ReferenceLead::referenceMoment)
            .thenComparing(ReferenceLead::leadId).reversed();

    private AnalysisRun() {
    }

    public static AnalysisTypes.Payload run(AnalysisRequest request, List<ReferenceLead> cohort, Duration firstCallWindow) {
        List<ReferenceLead> a = new ArrayList<>();
        List<ReferenceLead> b = new ArrayList<>();
        for (ReferenceLead lead : cohort) {
            if (request.groupA().contains(lead.outcome())) {
                a.add(lead);
            } else if (request.groupB().contains(lead.outcome())) {
                b.add(lead);
            }
        }
        List<UserError> errors = new ArrayList<>();
        empty(a, request.groupA().label(), "groupA", errors);
        empty(b, request.groupB().label(), "groupB", errors);
        if (!errors.isEmpty()) {
            return AnalysisTypes.Payload.failed(errors);
        }
        SignalOptions options = options(firstCallWindow);
        SignalAnalysis.Result result = SignalAnalysis.run(cohort, request.groupA(), request.groupB(), request.moment(),
                request.sampleSize(), options);
        List<SignalResult> shown = shown(request, result, errors);
        if (!errors.isEmpty()) {
            return AnalysisTypes.Payload.failed(errors);
        }
        List<ReferenceLead> dealsA = deals(a, result.sampleA(), request.sampleSize());
        List<ReferenceLead> dealsB = deals(b, result.sampleB(), request.sampleSize());
        return new AnalysisTypes.Payload(new AnalysisTypes.AnalysisView(request.from().atOffset(ZoneOffset.UTC),
                request.to().atOffset(ZoneOffset.UTC), request.moment().traitPhrase(),
                AnalysisTypes.GroupView.of(request.groupA(), result.nA()), AnalysisTypes.GroupView.of(request.groupB(), result.nB()),
                result.signals().size(), SignalTypes.of(shown), dealsA, dealsB, firstCallWindow), List.of());
    }

    /**
     * A whole-group request over counts made in the database: the same answer as {@link #run} over the cohort's records,
     * the deals of each group by id (most recent first, ties by lead id) read a page at a time by {@code load}.
     */
    public static AnalysisTypes.Payload counted(AnalysisRequest request, SignalCountReader.Counted counted,
            Duration firstCallWindow, Function<List<UUID>, List<ReferenceLead>> load) {
        List<UserError> errors = new ArrayList<>();
        if (counted.counts().nA() == 0) {
            empty(List.of(), request.groupA().label(), "groupA", errors);
        }
        if (counted.counts().nB() == 0) {
            empty(List.of(), request.groupB().label(), "groupB", errors);
        }
        if (!errors.isEmpty()) {
            return AnalysisTypes.Payload.failed(errors);
        }
        SignalAnalysis.Result result = SignalAnalysis.fromCounts(counted.counts(), request.groupA(), request.groupB(),
                request.moment(), List.of(), List.of());
        List<SignalResult> shown = shown(request, result, errors);
        if (!errors.isEmpty()) {
            return AnalysisTypes.Payload.failed(errors);
        }
        return new AnalysisTypes.Payload(new AnalysisTypes.AnalysisView(request.from().atOffset(ZoneOffset.UTC),
                request.to().atOffset(ZoneOffset.UTC), request.moment().traitPhrase(),
                AnalysisTypes.GroupView.of(request.groupA(), result.nA()), AnalysisTypes.GroupView.of(request.groupB(), result.nB()),
                result.signals().size(), SignalTypes.of(shown), new DealList(recentFirst(counted.dealsA()), load),
                new DealList(recentFirst(counted.dealsB()), load), firstCallWindow), List.of());
    }

    private static final Comparator<SignalCountReader.Deal> DEAL_RECENT_FIRST = Comparator
            .comparing(SignalCountReader.Deal::moment).thenComparing(SignalCountReader.Deal::leadId).reversed();

    private static List<UUID> recentFirst(List<SignalCountReader.Deal> deals) {
        return deals.stream().sorted(DEAL_RECENT_FIRST).map(SignalCountReader.Deal::leadId).toList();
    }

    /** The analysis' options: quartile bins, at most 20 values of a long-tailed trait, 5 leads to list a value. */
    public static SignalOptions options(Duration firstCallWindow) {
        return new SignalOptions(4, 20, 5, firstCallWindow);
    }

    /** The signals the request asks for (all, or those of signalKeys); an unknown key is a user error. */
    private static List<SignalResult> shown(AnalysisRequest request, SignalAnalysis.Result result, List<UserError> errors) {
        List<SignalResult> shown = result.signals();
        if (request.signalKeys().isEmpty()) {
            return shown;
        }
        Map<String, SignalResult> byKey = new HashMap<>();
        shown.forEach(s -> byKey.put(s.signal().key(), s));
        Set<String> wanted = new LinkedHashSet<>(request.signalKeys());
        int i = 0;
        for (String key : request.signalKeys()) {
            if (!byKey.containsKey(key)) {
                errors.add(EvidenceErrorCode.UNKNOWN_SIGNAL.error("'" + key + "' is no candidate signal of this "
                        + "analysis (a signal shown by no lead, or by every lead, is not a candidate)", "input",
                        "signalKeys", String.valueOf(i)));
            }
            i++;
        }
        return shown.stream().filter(s -> wanted.contains(s.signal().key())).toList();
    }

    private static void empty(List<ReferenceLead> group, String label, String field, List<UserError> errors) {
        if (group.isEmpty()) {
            errors.add(EvidenceErrorCode.EMPTY_GROUP.error("no " + label + " among the handoffs of the window and filters; "
                    + "widen the window or the group", "input", field));
        }
    }

    /** The sampled deals in the core's order (most recent first), or the whole group most recent first. */
    private static List<ReferenceLead> deals(List<ReferenceLead> group, List<UUID> sampled, Integer sampleSize) {
        if (sampleSize == null) {
            group.sort(RECENT_FIRST);
            return group;
        }
        Map<UUID, ReferenceLead> byId = new HashMap<>();
        group.forEach(l -> byId.put(l.leadId(), l));
        return sampled.stream().map(byId::get).toList();
    }
}
