package io.leadproof.evidence.core;

import io.leadproof.lead.ActivityType;
import io.leadproof.lead.FunnelStage;
import io.leadproof.scoring.engine.LeadField;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The candidate signals from counts made in the database (evidence.read.SignalCountReader): the same candidates, in the
 * same order and with the same counts as {@link SignalTally} over the same cohort, from a few hundred grouped rows
 * instead of one record per lead. The rules of the long tail, the unknown values, the custom-attribute typing and the
 * behaviour facets are the tally's ({@link ValueCounter#emitRanked}, {@link BehaviourCounter#emit}); the database did the
 * counting, ranking and quantile cuts.
 */
public final class CountedSignals {

    /**
     * One grouped row (see evidence.read.SignalFeatureSql): {@code kind} n, c, q, k or b; {@code dim} the dimension
     * (a LeadField name, campaign, source, channel, first-call, custom:key, or the activity type for b); {@code val}
     * the value (the stage for b, the type for k); counts a / b; {@code rn} rank or bin; {@code nd} distinct values or
     * bins; known totals; bin bounds; facet counts.
     */
    public record Row(String kind, String dim, String val, long a, long b, long rn, long nd, long ka, long kb, double lo,
                      double hi, long[] fa, long[] fb) {
    }

    private CountedSignals() {
    }

    public static SignalCounts assemble(List<Row> rows, SignalOptions options) {
        int nA = 0;
        int nB = 0;
        Map<String, List<Row>> values = new TreeMap<>();
        Map<String, List<Row>> bins = new TreeMap<>();
        Map<String, Row> customKeys = new TreeMap<>();
        BehaviourCounter behaviour = new BehaviourCounter();
        for (Row row : rows) {
            switch (row.kind()) {
                case "n" -> {
                    nA = (int) row.a();
                    nB = (int) row.b();
                }
                case "c" -> values.computeIfAbsent(row.dim(), k -> new ArrayList<>()).add(row);
                case "q" -> bins.computeIfAbsent(row.dim(), k -> new ArrayList<>()).add(row);
                case "k" -> customKeys.put(row.dim().substring("custom:".length()), row);
                case "b" -> behaviour.addCounts(ActivityType.valueOf(row.dim()),
                        row.val() == null ? null : FunnelStage.valueOf(row.val()), row.fa(), row.fb());
                default -> { }
            }
        }
        List<SignalCount> out = new ArrayList<>();
        for (LeadField field : SignalTally.ENUM_TRAITS) {
            ranked(values, field.name(), v -> new SignalDefinition.TraitValue(field, null, v), null,
                    new SignalDefinition.TraitValue(field, null, null), Integer.MAX_VALUE, 1, false, null, nA, nB, out);
        }
        for (LeadField field : SignalTally.TEXT_TRAITS) {
            ranked(values, field.name(), v -> new SignalDefinition.TraitValue(field, null, v),
                    new SignalDefinition.OtherValue(field, null), new SignalDefinition.TraitValue(field, null, null),
                    options.maxValuesPerTrait(), options.minValueSupport(), false, null, nA, nB, out);
        }
        for (LeadField field : SignalTally.NUMBER_TRAITS) {
            binned(bins.get(field.name()), field, null, nA, nB, out);
        }
        for (Map.Entry<String, Row> custom : customKeys.entrySet()) {
            String key = custom.getKey();
            Row typing = custom.getValue();
            String dim = "custom:" + key;
            if ("NUMBER".equals(typing.val())) {
                binned(bins.get(dim), LeadField.CUSTOM, key, nA, nB, out);
                continue;
            }
            boolean multi = typing.rn() == 1;
            boolean bool = "BOOLEAN".equals(typing.val()) && !multi;
            ranked(values, dim, v -> new SignalDefinition.TraitValue(LeadField.CUSTOM, key, v),
                    bool ? null : new SignalDefinition.OtherValue(LeadField.CUSTOM, key),
                    new SignalDefinition.TraitValue(LeadField.CUSTOM, key, null),
                    bool ? Integer.MAX_VALUE : options.maxValuesPerTrait(), bool ? 1 : options.minValueSupport(), multi,
                    new long[] {typing.a(), typing.b()}, nA, nB, out);
        }
        behaviour.emit(nA, nB, out);
        ranked(values, "campaign", v -> new SignalDefinition.Attribution(AttributionKind.CAMPAIGN, v),
                new SignalDefinition.OtherCampaign(), new SignalDefinition.Attribution(AttributionKind.CAMPAIGN, null),
                options.maxValuesPerTrait(), options.minValueSupport(), false, null, nA, nB, out);
        ranked(values, "source", v -> new SignalDefinition.Attribution(AttributionKind.SOURCE, v), null,
                new SignalDefinition.Attribution(AttributionKind.SOURCE, null), Integer.MAX_VALUE, 1, false, null, nA, nB, out);
        ranked(values, "channel", v -> new SignalDefinition.Attribution(AttributionKind.CHANNEL, v), null,
                new SignalDefinition.Attribution(AttributionKind.CHANNEL, null), Integer.MAX_VALUE, 1, false, null, nA, nB, out);
        ranked(values, "first-call", SignalDefinition.FirstCall::new, null, null, Integer.MAX_VALUE, 1, true, null, nA, nB, out);
        return new SignalCounts(nA, nB, out);
    }

    /** A categorical dimension from its ranked head; {@code known} overrides the sum of its values (lists). */
    private static void ranked(Map<String, List<Row>> values, String dim, Function<String, SignalDefinition> valueSignal,
                               SignalDefinition other, SignalDefinition unknown, int limit, int support, boolean multi,
                               long[] known, int nA, int nB, List<SignalCount> out) {
        List<Row> head = values.getOrDefault(dim, List.of()).stream().sorted(Comparator.comparingLong(Row::rn)).toList();
        long knownA = known != null ? known[0] : head.isEmpty() ? 0 : head.getFirst().ka();
        long knownB = known != null ? known[1] : head.isEmpty() ? 0 : head.getFirst().kb();
        int distinct = head.isEmpty() ? 0 : (int) head.getFirst().nd();
        List<String> names = head.stream().map(Row::val).toList();
        int[] a = head.stream().mapToInt(r -> (int) r.a()).toArray();
        int[] b = head.stream().mapToInt(r -> (int) r.b()).toArray();
        ValueCounter.emitRanked(names, a, b, distinct, (int) knownA, (int) knownB, multi, valueSignal, other, unknown,
                limit, support, nA, nB, out);
    }

    /** The quantile bins of a number dimension, then its unknown. */
    private static void binned(List<Row> rows, LeadField field, String customKey, int nA, int nB, List<SignalCount> out) {
        long knownA = 0;
        long knownB = 0;
        if (rows != null) {
            for (Row bin : rows.stream().sorted(Comparator.comparingLong(Row::rn)).toList()) {
                knownA = bin.ka();
                knownB = bin.kb();
                ValueCounter.add(out, new SignalDefinition.NumberRange(field, customKey, bin.lo(), bin.hi(), bin.rn() == 1,
                        bin.rn() == bin.nd()), (int) bin.a(), (int) bin.b(), nA, nB);
            }
        }
        ValueCounter.add(out, new SignalDefinition.TraitValue(field, customKey, null), nA - (int) knownA, nB - (int) knownB,
                nA, nB);
    }
}
