package io.leadproof.bench.evidence;

import io.leadproof.evidence.backtest.BacktestLead;
import io.leadproof.evidence.core.ActivityAggregate;
import io.leadproof.evidence.core.FirstCallSignal;
import io.leadproof.evidence.core.Outcome;
import io.leadproof.evidence.core.OutcomeKind;
import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.feedback.RejectionCategory;
import io.leadproof.lead.ActivityType;
import io.leadproof.lead.Authority;
import io.leadproof.lead.BudgetStatus;
import io.leadproof.lead.FunnelStage;
import io.leadproof.lead.LeadSource;
import io.leadproof.lead.Need;
import io.leadproof.lead.Seniority;
import io.leadproof.lead.Timeline;
import io.leadproof.scoring.engine.ActivityFact;
import io.leadproof.scoring.engine.LeadSnapshot;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A seeded pool of 4,096 varied leads (traits, 0–12 activities, an outcome), handed out in turn under
 * fresh ids, so a million-lead cohort costs no memory to hold and no time to generate.
 */
final class Leads {
    private static final int POOL = 4096;
    private static final Instant MOMENT = Instant.parse("2025-06-01T00:00:00Z");
    private static final String[] INDUSTRIES = {"saas", "retail", "finance", "health", "logistics", "energy",
            "education", "media", "manufacturing", "government"};
    private static final String[] COUNTRIES = {"DE", "US", "FR", "GB", "NL", "ES", "IT", "PL"};

    private final LeadSnapshot[] snapshots = new LeadSnapshot[POOL];
    private final List<List<ActivityFact>> activities = new ArrayList<>(POOL);
    private final Outcome[] outcomes = new Outcome[POOL];

    Leads(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < POOL; i++) {
            snapshots[i] = LeadSnapshot.builder()
                    .seniority(pick(random, Seniority.values()))
                    .budgetStatus(pick(random, BudgetStatus.values()))
                    .authority(pick(random, Authority.values()))
                    .need(pick(random, Need.values()))
                    .timeline(pick(random, Timeline.values()))
                    .source(pick(random, LeadSource.values()))
                    .industry(INDUSTRIES[random.nextInt(INDUSTRIES.length)])
                    .country(COUNTRIES[random.nextInt(COUNTRIES.length)])
                    .jobTitle("title " + random.nextInt(300))
                    .employeeCount((int) Math.exp(2 + 3 * random.nextDouble()))
                    .annualRevenue(BigDecimal.valueOf(100_000L * (1 + random.nextInt(500))))
                    .customAttribute("minutes_on_site", random.nextInt(120))
                    .customAttribute("newsletter", random.nextBoolean())
                    .customAttribute("origin", "origin " + random.nextInt(12))
                    .createdAt(MOMENT.minus(Duration.ofDays(1 + random.nextInt(60))))
                    .build();
            List<ActivityFact> facts = new ArrayList<>();
            int count = random.nextInt(13);
            for (int k = 0; k < count; k++) {
                facts.add(ActivityFact.of(pick(random, ActivityType.values()), pick(random, FunnelStage.values()),
                        MOMENT.minus(Duration.ofHours(1 + random.nextInt(24 * 120)))));
            }
            activities.add(List.copyOf(facts));
            outcomes[i] = outcome(random);
        }
    }

    private static Outcome outcome(Random random) {
        double roll = random.nextDouble();
        Instant later = MOMENT.plus(Duration.ofDays(30));
        if (roll < 0.6) {
            return null;
        }
        if (roll < 0.7) {
            return Outcome.of(OutcomeKind.WON, later);
        }
        if (roll < 0.78) {
            return Outcome.of(OutcomeKind.LOST, later);
        }
        if (roll < 0.86) {
            return Outcome.of(OutcomeKind.STALLED, later);
        }
        if (roll < 0.95) {
            return Outcome.rejected(random.nextBoolean() ? "NO_BUDGET" : "NOT_ICP",
                    random.nextBoolean() ? RejectionCategory.BUDGET : RejectionCategory.FIT, later);
        }
        return Outcome.of(OutcomeKind.OPEN, MOMENT);
    }

    BacktestLead backtestLead(int i) {
        int slot = i % POOL;
        Outcome outcome = outcomes[slot];
        return new BacktestLead(new UUID(0xBE, i), MOMENT, snapshots[slot], null, null, activities.get(slot), outcome,
                outcome == null ? null : MOMENT, outcome == null ? null : "rep-" + (i % 12), Double.NaN);
    }

    /**
     * n decided leads as of their handoff, each with an outcome drawn afresh (WON for 1 in 10, whatever
     * the lead), so no signal is real: a repeated pool lead must not carry its outcome along.
     */
    List<ReferenceLead> referenceLeads(int n) {
        Random random = new Random(7);
        List<ReferenceLead> leads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int slot = i % POOL;
            Outcome outcome = Outcome.of(random.nextDouble() < 0.1 ? OutcomeKind.WON : OutcomeKind.LOST,
                    MOMENT.plus(Duration.ofDays(30)));
            List<FirstCallSignal> signals = slot % 3 == 0
                    ? List.of(new FirstCallSignal("PAIN_STATED", MOMENT.plus(Duration.ofDays(2)))) : List.of();
            leads.add(new ReferenceLead(new UUID(0xAE, i), MOMENT, snapshots[slot], "campaign " + (slot % 40),
                    LeadSource.values()[slot % 5], ActivityAggregate.summarise(activities.get(slot), MOMENT), MOMENT,
                    signals, outcome));
        }
        return leads;
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
