package io.leadproof.evidence.core;

import io.leadproof.lead.ActivityType;
import io.leadproof.lead.FunnelStage;

import java.util.List;

/** Counts of every behaviour facet of every activity type × stage (or none), in flat arrays. */
final class BehaviourCounter {
    private static final ActivityType[] TYPES = ActivityType.values();
    private static final FunnelStage[] STAGES = FunnelStage.values();
    private static final BehaviourFacet[] FACETS = BehaviourFacet.values();
    private static final int STAGE_SLOTS = STAGES.length + 1;
    private static final int COMBOS = TYPES.length * STAGE_SLOTS;

    private final int[] a = new int[COMBOS * FACETS.length];
    private final int[] b = new int[COMBOS * FACETS.length];
    /** Per-lead scratch: count and youngest age of each combination, reset after each lead. */
    private final int[] count = new int[COMBOS];
    private final long[] age = new long[COMBOS];
    private final int[] touched = new int[COMBOS];

    void add(ReferenceLead lead, boolean inA) {
        List<ActivityAggregate> visible = AsOf.activities(lead);
        if (visible.isEmpty()) {
            return;
        }
        long moment = lead.referenceMoment().getEpochSecond();
        int touchedCount = 0;
        for (ActivityAggregate aggregate : visible) {
            int combo = aggregate.type().ordinal() * STAGE_SLOTS
                    + (aggregate.stage() == null ? STAGES.length : aggregate.stage().ordinal());
            long ageSeconds = moment - aggregate.lastAt().getEpochSecond();
            if (count[combo] == 0) {
                touched[touchedCount++] = combo;
                age[combo] = ageSeconds;
            } else {
                age[combo] = Math.min(age[combo], ageSeconds);
            }
            count[combo] += aggregate.count();
        }
        int[] target = inA ? a : b;
        for (int i = 0; i < touchedCount; i++) {
            int combo = touched[i];
            for (BehaviourFacet facet : FACETS) {
                if (facet.holds(count[combo], age[combo])) {
                    target[combo * FACETS.length + facet.ordinal()]++;
                }
            }
            count[combo] = 0;
        }
    }

    /** The leads of each facet (BehaviourFacet order) of one type × stage, counted elsewhere (the database). */
    void addCounts(ActivityType type, FunnelStage stage, long[] facetsA, long[] facetsB) {
        int combo = type.ordinal() * STAGE_SLOTS + (stage == null ? STAGES.length : stage.ordinal());
        for (BehaviourFacet facet : FACETS) {
            a[combo * FACETS.length + facet.ordinal()] += (int) facetsA[facet.ordinal()];
            b[combo * FACETS.length + facet.ordinal()] += (int) facetsB[facet.ordinal()];
        }
    }

    private boolean same(int slot, int other) {
        return a[slot] == a[other] && b[slot] == b[other];
    }

    void emit(int nA, int nB, List<SignalCount> out) {
        for (int combo = 0; combo < COMBOS; combo++) {
            ActivityType type = TYPES[combo / STAGE_SLOTS];
            int stageSlot = combo % STAGE_SLOTS;
            FunnelStage stage = stageSlot == STAGES.length ? null : STAGES[stageSlot];
            int any = combo * FACETS.length + BehaviourFacet.ANY.ordinal();
            int week = combo * FACETS.length + BehaviourFacet.WITHIN_7_DAYS.ordinal();
            for (BehaviourFacet facet : FACETS) {
                int slot = combo * FACETS.length + facet.ordinal();
                if (slot != any && (same(slot, any) || facet == BehaviourFacet.WITHIN_30_DAYS && same(slot, week))) {
                    continue; // a narrower facet with the counts of a wider one holds the very same leads
                }
                ValueCounter.add(out, new SignalDefinition.Behaviour(type, stage, facet), a[slot], b[slot], nA, nB);
            }
        }
    }
}
