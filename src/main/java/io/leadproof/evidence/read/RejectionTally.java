package io.leadproof.evidence.read;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.leadproof.evidence.core.CountedSignals;

/**
 * The per-group counts summed over the parts of a counted cohort ({@link SignalFeatureSql} rows v, y, x of
 * {@link RejectionPartSql} and {@link SignalCountSql}), and a comparison made from them as {@code CountedSignals} takes
 * it: one group (a: a reason's rejections; signal group A) against the group null (b: the accepted handoffs; signal
 * group B). Values ranked by count, ties by value in code point
 * order (the database's {@code collate "C"}), only the ranked head of long-tailed and custom dimensions listed; custom
 * keys typed over the comparison (a scalar custom value counts as text only where the key is not a number there, a
 * custom number only where it is); number dimensions in quantile bins ({@link RejectionBins}). Pure: no database.
 */
final class RejectionTally {

    /** The dimensions whose ranked head alone is listed (the tally's text traits, campaign). */
    static final Set<String> LONG_TAILED = Set.of("JOB_TITLE", "INDUSTRY", "COUNTRY", "EMAIL_DOMAIN", "campaign");

    /** Code point order: the order of the values' UTF-8 bytes, PostgreSQL's {@code collate "C"}. */
    static final Comparator<String> C_ORDER = (x, y) -> {
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int a = x.codePointAt(i);
            int b = y.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(x.length() - i, y.length() - j);
    };

    private record ValueKey(String group, String dim, String val, String customKey) {
    }

    private record GroupKey(String group, String name, String customKey) {
    }

    /** A custom key's typing in one group, or (merged) over a comparison. */
    private static final class Typing {
        long numbers;
        long knownA;
        long knownB;
        boolean numberish = true;
        boolean booleanish = true;
        boolean multi;

        boolean isNumber() {
            return numberish && numbers > 0;
        }
    }

    private final Map<ValueKey, Long> values = new HashMap<>();
    private final Map<GroupKey, Typing> typings = new HashMap<>();
    private final Map<GroupKey, TreeMap<Double, Long>> numbers = new HashMap<>();

    /** A categorical value of the group {@code n} times ({@code customKey}: the key of a scalar custom value). */
    void value(String group, String dim, String val, String customKey, long n) {
        values.merge(new ValueKey(group, dim, val, customKey), n, Long::sum);
    }

    /** A custom key in the group: values with a number, values known, all numbers, all booleans, a multi-valued list. */
    void typing(String group, String key, long withNumber, long known, boolean numberish, boolean booleanish, boolean multi) {
        Typing t = typings.computeIfAbsent(new GroupKey(group, key, null), k -> new Typing());
        t.numbers += withNumber;
        t.knownA += known;
        t.numberish &= numberish;
        t.booleanish &= booleanish;
        t.multi |= multi;
    }

    /** A number {@code x} of the dimension in the group {@code n} times ({@code customKey}: of a custom number). */
    void number(String group, String dim, String customKey, double x, long n) {
        numbers.computeIfAbsent(new GroupKey(group, dim, customKey), k -> new TreeMap<>()).merge(x, n, Long::sum);
    }

    /** The c, k and q rows of the reason's rejections against the accepted handoffs. */
    List<CountedSignals.Row> rows(String reason, int bins, int limit) {
        Map<String, Typing> typed = typing(reason);
        List<CountedSignals.Row> out = new ArrayList<>();
        typed.forEach((key, t) -> out.add(new CountedSignals.Row("k", "custom:" + key,
                t.isNumber() ? "NUMBER" : t.booleanish ? "BOOLEAN" : "TEXT", t.knownA, t.knownB, t.multi ? 1 : 0, 0, 0, 0, 0, 0,
                null, null)));
        Map<String, Map<String, long[]>> counted = new TreeMap<>();
        values.forEach((v, n) -> {
            boolean mine = reason.equals(v.group());
            boolean counts = (mine || v.group() == null)
                    && (v.customKey() == null || typed.containsKey(v.customKey()) && !typed.get(v.customKey()).isNumber());
            if (counts) {
                counted.computeIfAbsent(v.dim(), d -> new HashMap<>()).computeIfAbsent(v.val(), x -> new long[2])[mine ? 0 : 1] += n;
            }
        });
        counted.forEach((dim, byValue) -> ranked(dim, byValue, limit, out));
        Map<String, TreeMap<Double, Long>[]> compared = new TreeMap<>();
        numbers.forEach((k, xs) -> {
            boolean mine = reason.equals(k.group());
            if ((mine || k.group() == null) && (k.customKey() == null || typed.containsKey(k.customKey())
                    && typed.get(k.customKey()).isNumber())) {
                @SuppressWarnings("unchecked")
                TreeMap<Double, Long>[] pair = compared.computeIfAbsent(k.name(), d -> new TreeMap[] {new TreeMap<>(), new TreeMap<>()});
                pair[mine ? 0 : 1] = xs;
            }
        });
        compared.forEach((dim, pair) -> out.addAll(RejectionBins.rows(dim, pair[0], pair[1], bins)));
        return out;
    }

    /** Each custom key typed over the reason's rejections and the accepted handoffs. */
    private Map<String, Typing> typing(String reason) {
        Map<String, Typing> out = new TreeMap<>();
        typings.forEach((k, t) -> {
            boolean mine = reason.equals(k.group());
            if (mine || k.group() == null) {
                Typing c = out.computeIfAbsent(k.name(), x -> new Typing());
                c.numbers += t.numbers;
                c.numberish &= t.numberish;
                c.booleanish &= t.booleanish;
                c.multi |= t.multi;
                if (mine) {
                    c.knownA += t.knownA;
                } else {
                    c.knownB += t.knownA;
                }
            }
        });
        return out;
    }

    /** A dimension's values ranked by count (ties by value), with distinct values and known totals. */
    private static void ranked(String dim, Map<String, long[]> byValue, int limit, List<CountedSignals.Row> out) {
        List<Map.Entry<String, long[]>> ranked = new ArrayList<>(byValue.entrySet());
        ranked.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -(e.getValue()[0] + e.getValue()[1]))
                .thenComparing(Map.Entry::getKey, C_ORDER));
        long ka = ranked.stream().mapToLong(e -> e.getValue()[0]).sum();
        long kb = ranked.stream().mapToLong(e -> e.getValue()[1]).sum();
        boolean headOnly = LONG_TAILED.contains(dim) || dim.startsWith("custom:");
        for (int i = 0; i < ranked.size() && (!headOnly || i < limit); i++) {
            var e = ranked.get(i);
            out.add(new CountedSignals.Row("c", dim, e.getKey(), e.getValue()[0], e.getValue()[1], i + 1, ranked.size(), ka, kb,
                    0, 0, null, null));
        }
    }
}
