package io.leadproof.evidence.core;

import io.leadproof.lead.ActivityType;
import io.leadproof.lead.FunnelStage;
import io.leadproof.scoring.engine.LeadSnapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Test vocabulary: reference leads with an outcome, built in one line. */
final class Cohorts {
    static final Instant HANDOFF = Instant.parse("2025-03-01T10:00:00Z");

    private Cohorts() {
    }

    static UUID id(int n) {
        return new UUID(0xE0, n);
    }

    static ReferenceLead lead(int n, OutcomeKind kind, LeadSnapshot traits, ActivityAggregate... activities) {
        return new ReferenceLead(id(n), HANDOFF.plusSeconds(n), traits, null, null, List.of(activities),
                HANDOFF.plusSeconds(n), List.of(), Outcome.of(kind, HANDOFF.plus(Duration.ofDays(60))));
    }

    static ActivityAggregate demoRequests(int count, int daysBeforeHandoff) {
        return new ActivityAggregate(ActivityType.DEMO_REQUESTED, FunnelStage.BOFU, count,
                HANDOFF.minus(Duration.ofDays(daysBeforeHandoff)));
    }

    /** n leads of which the first {@code withSignal} requested a demo. */
    static List<ReferenceLead> group(int firstId, int n, int withSignal, OutcomeKind kind) {
        List<ReferenceLead> leads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ActivityAggregate[] activities = i < withSignal ? new ActivityAggregate[] {demoRequests(1, 3)}
                    : new ActivityAggregate[0];
            leads.add(lead(firstId + i, kind, LeadSnapshot.builder().build(), activities));
        }
        return leads;
    }

    static SignalResult find(List<SignalResult> results, String key) {
        return results.stream().filter(r -> r.signal().key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no signal " + key + " among " + results.stream()
                        .map(r -> r.signal().key()).toList()));
    }
}
