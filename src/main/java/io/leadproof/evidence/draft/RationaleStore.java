package io.leadproof.evidence.draft;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.leadproof.evidence.api.EvidenceVerdict;
import io.leadproof.evidence.suggest.Rationale;
import io.leadproof.security.CurrentWorkspace;

/** The rationales of suggested drafts (table criteria_rule_rationale), written once and read per version and rule. */
@ApplicationScoped
public class RationaleStore {

    /** A rule of a version. */
    public record RuleRef(UUID versionId, String ruleKey) {
    }

    @Inject
    EntityManager em;
    @Inject
    CurrentWorkspace workspace;

    public void save(UUID versionId, String ruleKey, SuggestedChangeKind change, Integer fromPoints, Integer toPoints,
                     Rationale r, Instant now) {
        em.createNativeQuery("""
                insert into criteria_rule_rationale (workspace_id, version_id, rule_key, change, from_points, to_points,
                    signal_key, statistic, group_a, count_a, n_a, group_b, count_b, n_b, lift, weight_of_evidence, p_value,
                    q_value, verdict, window_from, window_to, sentence, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)
                on conflict (workspace_id, version_id, rule_key) do nothing""")
                .setParameter(1, workspace.id()).setParameter(2, versionId).setParameter(3, ruleKey)
                .setParameter(4, change.name()).setParameter(5, fromPoints).setParameter(6, toPoints)
                .setParameter(7, r.signalKey()).setParameter(8, r.statistic()).setParameter(9, r.groupA())
                .setParameter(10, r.countA()).setParameter(11, r.nA()).setParameter(12, r.groupB())
                .setParameter(13, r.countB()).setParameter(14, r.nB()).setParameter(15, finite(r.lift()))
                .setParameter(16, finite(r.weightOfEvidence())).setParameter(17, r.pValue()).setParameter(18, r.qValue())
                .setParameter(19, r.verdict().name()).setParameter(20, ts(r.windowFrom())).setParameter(21, ts(r.windowTo()))
                .setParameter(22, r.sentence()).setParameter(23, ts(now))
                .executeUpdate();
    }

    /** The rationales of these rules, by rule (absent when the rule has none). */
    @SuppressWarnings("unchecked")
    public Map<RuleRef, RationaleView> of(Collection<RuleRef> rules) {
        Map<RuleRef, RationaleView> found = new HashMap<>();
        List<UUID> versions = rules.stream().map(RuleRef::versionId).distinct().toList();
        if (versions.isEmpty()) {
            return found;
        }
        List<Object[]> rows = em.createNativeQuery("""
                select version_id, rule_key, change, from_points, to_points, signal_key, statistic, group_a, count_a, n_a,
                       group_b, count_b, n_b, lift, weight_of_evidence, p_value, q_value, verdict, window_from, window_to, sentence
                  from criteria_rule_rationale where version_id in (:versions)""")
                .setParameter("versions", versions).getResultList();
        for (Object[] row : new ArrayList<>(rows)) {
            found.put(new RuleRef((UUID) row[0], (String) row[1]), new RationaleView(
                    SuggestedChangeKind.valueOf((String) row[2]), (Integer) row[3], (Integer) row[4], (String) row[5],
                    (String) row[6], (String) row[7], (Integer) row[8], (Integer) row[9], (String) row[10],
                    (Integer) row[11], (Integer) row[12], (Double) row[13], (Double) row[14], (Double) row[15],
                    (Double) row[16], EvidenceVerdict.valueOf((String) row[17]), odt(row[18]), odt(row[19]),
                    (String) row[20]));
        }
        return found;
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static java.time.OffsetDateTime odt(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i.atOffset(ZoneOffset.UTC);
            case Timestamp t -> t.toInstant().atOffset(ZoneOffset.UTC);
            case java.time.OffsetDateTime o -> o.withOffsetSameInstant(ZoneOffset.UTC);
            default -> throw new IllegalStateException("unexpected timestamp " + value.getClass());
        };
    }
}
