package io.leadproof.evidence.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.leadproof.evidence.core.ActivityAggregate;
import io.leadproof.evidence.core.FirstCallSignal;
import io.leadproof.evidence.core.Outcome;
import io.leadproof.evidence.core.OutcomeKind;
import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.lead.ActivityType;
import io.leadproof.lead.BudgetStatus;
import io.leadproof.lead.FunnelStage;
import io.leadproof.scoring.engine.LeadSnapshot;
import io.leadproof.scoring.engine.LeadSnapshotBuilder;

/**
 * Test data builder: won and stalled deals with planted signals, as the cohort reader would hand them over.
 * Seeded, so every run sees the same deals.
 */
final class PlantedCohort {
    static final Instant START = Instant.parse("2026-05-01T09:00:00Z");
    static final String DEMO = "behaviour:DEMO_REQUESTED/BOFU:ANY";

    private final List<ReferenceLead> leads = new ArrayList<>();
    private final Random random;

    PlantedCohort(long seed) {
        random = new Random(seed);
    }

    /** {@code n} deals of {@code kind}; a demo request with probability {@code demoRate}; 30 null flags at 30 %. */
    PlantedCohort deals(int n, OutcomeKind kind, double demoRate, boolean nullFlags) {
        for (int i = 0; i < n; i++) {
            LeadSnapshotBuilder traits = LeadSnapshot.builder();
            if (nullFlags) {
                for (int k = 1; k <= 30; k++) {
                    if (random.nextDouble() < 0.3) {
                        traits.customAttribute("null_%02d".formatted(k), true);
                    }
                }
            }
            add(kind, traits.build(), random.nextDouble() < demoRate, List.of());
        }
        return this;
    }

    /** Exactly {@code withDemo} of {@code n} deals of {@code kind} requested a demo before handoff. */
    PlantedCohort exactly(int n, int withDemo, OutcomeKind kind) {
        for (int i = 0; i < n; i++) {
            add(kind, LeadSnapshot.builder().budgetStatus(i % 2 == 0 ? BudgetStatus.APPROVED : BudgetStatus.UNKNOWN).build(),
                    i < withDemo, List.of(new FirstCallSignal("PAIN_STATED", handoff(leads.size()).plus(Duration.ofDays(2)))));
        }
        return this;
    }

    List<ReferenceLead> leads() {
        return List.copyOf(leads);
    }

    private void add(OutcomeKind kind, LeadSnapshot traits, boolean demo, List<FirstCallSignal> signals) {
        int n = leads.size();
        Instant handoff = handoff(n);
        List<ActivityAggregate> activities = demo
                ? List.of(new ActivityAggregate(ActivityType.DEMO_REQUESTED, FunnelStage.BOFU, 1, handoff.minus(Duration.ofDays(3))))
                : List.of();
        leads.add(new ReferenceLead(new UUID(0xA11, n), handoff, traits, null, null, activities, handoff, signals,
                Outcome.of(kind, handoff.plus(Duration.ofDays(45)))));
    }

    private static Instant handoff(int n) {
        return START.plus(Duration.ofMinutes(7L * n));
    }
}
