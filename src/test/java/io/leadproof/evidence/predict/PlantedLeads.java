package io.leadproof.evidence.predict;

import io.leadproof.evidence.core.ActivityAggregate;
import io.leadproof.evidence.core.FirstCallSignal;
import io.leadproof.evidence.core.Outcome;
import io.leadproof.evidence.core.OutcomeKind;
import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.lead.ActivityType;
import io.leadproof.lead.BudgetStatus;
import io.leadproof.lead.FunnelStage;
import io.leadproof.lead.LeadSource;
import io.leadproof.scoring.engine.LeadSnapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Generated decided leads whose outcome follows a known logistic model:
 * logit P(won) = −1.6 + 1.6·[budget approved] + 1.2·[requested a demo] + 0.6·z(log employees)
 *                − 0.8·[source LIST_PURCHASE] + 0.7·[custom 'trial' = true].
 * Industry and country are pure noise. With {@code leak}, every won lead also carries two facts the
 * reference moment could not know: a contact request logged the day after its moment, and a
 * first-call code logged 30 days after its handoff (past the 14-day window).
 */
final class PlantedLeads {
    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private PlantedLeads() {
    }

    static double trueLogit(boolean budget, boolean demo, double employeesZ, boolean list, boolean trial) {
        return -1.6 + (budget ? 1.6 : 0) + (demo ? 1.2 : 0) + 0.6 * employeesZ - (list ? 0.8 : 0) + (trial ? 0.7 : 0);
    }

    static List<ReferenceLead> generate(int n, long seed, boolean leak, boolean noise) {
        Random random = new Random(seed);
        String[] industries = {"saas", "retail", "finance", "health", "logistics"};
        List<ReferenceLead> leads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Instant moment = START.plus(Duration.ofHours(6L * i));
            boolean budget = random.nextDouble() < 0.4;
            boolean demo = random.nextDouble() < 0.35;
            double employeesZ = random.nextGaussian();
            int employees = (int) Math.round(Math.exp(4 + 1.5 * employeesZ));
            boolean list = random.nextDouble() < 0.2;
            boolean trial = random.nextDouble() < 0.3;
            double p = 1 / (1 + Math.exp(-trueLogit(budget, demo, employeesZ, list, trial)));
            boolean won = noise ? random.nextDouble() < 0.35 : random.nextDouble() < p;
            LeadSnapshot traits = LeadSnapshot.builder()
                    .budgetStatus(budget ? BudgetStatus.APPROVED : BudgetStatus.UNKNOWN)
                    .employeeCount(employees)
                    .source(list ? LeadSource.LIST_PURCHASE : LeadSource.ORGANIC_SEARCH)
                    .industry(industries[random.nextInt(industries.length)])
                    .country(random.nextBoolean() ? "DE" : "US")
                    .customAttribute("trial", trial)
                    .createdAt(moment.minus(Duration.ofDays(10 + random.nextInt(20))))
                    .build();
            List<ActivityAggregate> activities = new ArrayList<>();
            if (demo) {
                activities.add(new ActivityAggregate(ActivityType.DEMO_REQUESTED, FunnelStage.BOFU, 1 + random.nextInt(3),
                        moment.minus(Duration.ofDays(1 + random.nextInt(20)))));
            }
            List<FirstCallSignal> signals = new ArrayList<>();
            if (leak && won) {
                activities.add(new ActivityAggregate(ActivityType.CONTACT_REQUESTED, null, 1, moment.plus(Duration.ofDays(1))));
                signals.add(new FirstCallSignal("CONTRACT_SIGNED", moment.plus(Duration.ofDays(30))));
            }
            Outcome outcome = Outcome.of(won ? OutcomeKind.WON : OutcomeKind.LOST, moment.plus(Duration.ofDays(40)));
            leads.add(new ReferenceLead(new UUID(0x91, i), moment, traits, null, null, activities, moment, signals, outcome));
        }
        return leads;
    }
}
