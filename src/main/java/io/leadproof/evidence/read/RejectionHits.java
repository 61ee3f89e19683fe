package io.leadproof.evidence.read;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.leadproof.evidence.rejections.RejectionCounts;

/**
 * The order-dependent parts of rejection insights, decided in Java order as the recomputation over handoff cases
 * decides them (cases by handoff time, lead, handoff with Java's UUID order; hits by position in the contributions):
 * the order in which rules first appear and each rule's label (the first non-null one), and a reason's category (that
 * of its latest rejection). The database sends only the hits at the deciding handoff time.
 */
final class RejectionHits {

    /** A rule hit, or a rejection (label: its category), at handoff time {@code at}. */
    record Hit(Instant at, UUID leadId, UUID handoffId, long position, String label) {
        static final Comparator<Hit> ORDER = Comparator.comparing(Hit::at).thenComparing(Hit::leadId)
                .thenComparing(Hit::handoffId).thenComparingLong(Hit::position);
    }

    private static final class Rule {
        int cases;
        final List<Hit> first = new ArrayList<>();
        final List<Hit> labelled = new ArrayList<>();
    }

    /** Per reason (the empty string: the accepted handoffs), per rule key. */
    private final Map<String, Map<String, Rule>> rules = new HashMap<>();
    private final Map<String, List<Hit>> latest = new HashMap<>();

    void rule(String reason, String key, int cases, List<Hit> hits, boolean labelled) {
        Rule rule = rules.computeIfAbsent(reason == null ? "" : reason, r -> new HashMap<>()).computeIfAbsent(key, k -> new Rule());
        if (!labelled) {
            rule.cases += cases; // a part's first row of the rule carries its cases, added over the parts
        }
        (labelled ? rule.labelled : rule.first).addAll(hits);
    }

    void latest(String reason, List<Hit> hits) {
        latest.computeIfAbsent(reason, r -> new ArrayList<>()).addAll(hits);
    }

    /** The latest rejection of the reason (its category as label). */
    Hit latest(String reason) {
        return latest.get(reason).stream().max(Hit.ORDER).orElseThrow();
    }

    /** The reason's rules against the accepted handoffs, in the order they first appear among both. */
    List<RejectionCounts.RuleCount> rules(String reason) {
        Map<String, Rule> mine = rules.getOrDefault(reason, Map.of());
        Map<String, Rule> accepted = rules.getOrDefault("", Map.of());
        Set<String> keys = new LinkedHashSet<>(mine.keySet());
        keys.addAll(accepted.keySet());
        record Counted(Hit first, RejectionCounts.RuleCount count) {
        }
        List<Counted> out = new ArrayList<>();
        for (String key : keys) {
            Rule a = mine.get(key);
            Rule b = accepted.get(key);
            List<Hit> first = new ArrayList<>();
            List<Hit> labelled = new ArrayList<>();
            for (Rule r : new Rule[] {a, b}) {
                if (r != null) {
                    first.addAll(r.first);
                    labelled.addAll(r.labelled);
                }
            }
            String label = labelled.stream().min(Hit.ORDER).map(Hit::label).orElse(null);
            out.add(new Counted(first.stream().min(Hit.ORDER).orElseThrow(), new RejectionCounts.RuleCount(key, label,
                    a == null ? 0 : a.cases, b == null ? 0 : b.cases)));
        }
        out.sort(Comparator.comparing(Counted::first, Hit.ORDER));
        return out.stream().map(Counted::count).toList();
    }

    /** The hits of an r or l row: time (column 13) with leads, handoffs, positions and labels (14-17). */
    static List<Hit> hits(ResultSet rs) throws SQLException {
        Instant at = rs.getTimestamp(13).toInstant();
        UUID[] leads = (UUID[]) rs.getArray(14).getArray();
        UUID[] handoffs = (UUID[]) rs.getArray(15).getArray();
        Long[] positions = rs.getArray(16) == null ? null : (Long[]) rs.getArray(16).getArray();
        String[] labels = (String[]) rs.getArray(17).getArray();
        List<Hit> out = new ArrayList<>(leads.length);
        for (int i = 0; i < leads.length; i++) {
            out.add(new Hit(at, leads[i], handoffs[i], positions == null ? 0 : positions[i], labels[i]));
        }
        return out;
    }
}
