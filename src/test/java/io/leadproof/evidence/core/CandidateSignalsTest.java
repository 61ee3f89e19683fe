package io.leadproof.evidence.core;

import io.leadproof.lead.ActivityType;
import io.leadproof.lead.BudgetStatus;
import io.leadproof.lead.FunnelStage;
import io.leadproof.lead.LeadSource;
import io.leadproof.scoring.engine.LeadSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Which candidate signals a cohort yields, and the counts of each in group A and group B. */
class CandidateSignalsTest {

    /** Leads 0..nA-1 are group A, the rest group B; the counts keyed by signal key as "a/b". */
    private static Map<String, String> counts(int nA, int nB, IntFunction<ReferenceLead> lead) {
        SignalTally tally = new SignalTally(new SignalOptions(4, 2, 2, Duration.ofDays(14)));
        for (int i = 0; i < nA + nB; i++) {
            tally.add(lead.apply(i), i < nA);
        }
        return tally.counts().signals().stream()
                .collect(Collectors.toMap(c -> c.signal().key(), c -> c.a() + "/" + c.b()));
    }

    private static ReferenceLead plain(int i, LeadSnapshot traits) {
        return Cohorts.lead(i, OutcomeKind.WON, traits);
    }

    @Test
    void enumTraitsCountEachValueAndUnknownIsAValueOfItsOwn() {
        BudgetStatus[] budgets = {BudgetStatus.APPROVED, BudgetStatus.APPROVED, null, BudgetStatus.UNKNOWN, BudgetStatus.NONE};
        Map<String, String> counts = counts(3, 2, i -> plain(i, LeadSnapshot.builder().budgetStatus(budgets[i]).build()));
        assertThat(counts).containsEntry("trait:BUDGET_STATUS=APPROVED", "2/0")
                .containsEntry("trait:BUDGET_STATUS=∅", "1/1")
                .containsEntry("trait:BUDGET_STATUS=NONE", "0/1");
    }

    @Test
    void textValuesBelowTheSupportOrPastTheLimitFormTheLongTail() {
        String[] industries = {"SaaS", " saas", "Retail", "retail", "saas", "Mining", "Banking", "Fishing", null};
        Map<String, String> counts = counts(5, 4, i -> plain(i, LeadSnapshot.builder().industry(industries[i]).build()));
        assertThat(counts).containsEntry("trait:INDUSTRY=saas", "3/0")
                .containsEntry("trait:INDUSTRY=retail", "2/0")
                .containsEntry("trait:INDUSTRY=*other", "0/3")
                .containsEntry("trait:INDUSTRY=∅", "0/1")
                .doesNotContainKey("trait:INDUSTRY=mining");
    }

    @Test
    void numbersAreBinnedByQuartilesOfTheWholeCohort() {
        int[] employees = {10, 20, 30, 40, 50, 60, 70, 80};
        Map<String, String> counts = counts(4, 4, i -> plain(i, LeadSnapshot.builder().employeeCount(employees[i]).build()));
        assertThat(counts).containsEntry("trait:EMPLOYEE_COUNT∈[10,20]", "2/0")
                .containsEntry("trait:EMPLOYEE_COUNT∈[30,40]", "2/0")
                .containsEntry("trait:EMPLOYEE_COUNT∈[50,60]", "0/2")
                .containsEntry("trait:EMPLOYEE_COUNT∈[70,80]", "0/2")
                .doesNotContainKey("trait:EMPLOYEE_COUNT=∅");
    }

    @Test
    void customAttributesAreTypedOnTheFly() {
        Object[] minutes = {"12", 30, 45.5, "7", null, "60"};
        Object[] newsletter = {true, "false", true, "TRUE", false, null};
        Object[] origin = {"API", "api", "Landing Page", 3, "Landing page", "API"};
        Map<String, String> counts = counts(3, 3, i -> plain(i, LeadSnapshot.builder()
                .customAttribute("minutes", minutes[i]).customAttribute("newsletter", newsletter[i])
                .customAttribute("origin", origin[i]).build()));
        assertThat(counts.keySet()).filteredOn(k -> k.startsWith("custom:minutes"))
                .as("numbers, binned").allMatch(k -> k.contains("∈") || k.endsWith("=∅"));
        assertThat(counts).containsEntry("custom:minutes=∅", "0/1")
                .containsEntry("custom:newsletter=true", "2/1")
                .containsEntry("custom:newsletter=false", "1/1")
                .containsEntry("custom:origin=api", "2/1")
                .containsEntry("custom:origin=landing page", "1/1")
                .containsEntry("custom:origin=*other", "0/1");
    }

    @Test
    void behaviourHasAnyCountBandsAndRecency() {
        ActivityAggregate[][] activities = {
                {Cohorts.demoRequests(1, 3)},
                {Cohorts.demoRequests(3, 20)},
                {Cohorts.demoRequests(6, 60)},
                {}};
        Map<String, String> counts = counts(3, 1, i -> Cohorts.lead(i, OutcomeKind.WON, LeadSnapshot.builder().build(),
                activities[i]));
        String demo = "behaviour:DEMO_REQUESTED/BOFU:";
        assertThat(counts).containsEntry(demo + "ANY", "3/0")
                .containsEntry(demo + "ONCE", "1/0")
                .containsEntry(demo + "TWO_TO_FOUR_TIMES", "1/0")
                .containsEntry(demo + "FIVE_OR_MORE_TIMES", "1/0")
                .containsEntry(demo + "WITHIN_7_DAYS", "1/0")
                .containsEntry(demo + "WITHIN_30_DAYS", "2/0");
    }

    @Test
    void activitiesAfterTheReferenceMomentAreNotSeen() {
        ActivityAggregate later = new ActivityAggregate(ActivityType.PRICING_PAGE_VIEW, FunnelStage.BOFU, 4,
                Cohorts.HANDOFF.plus(Duration.ofDays(2)));
        Map<String, String> counts = counts(1, 1, i -> Cohorts.lead(i, OutcomeKind.WON, LeadSnapshot.builder().build(),
                i == 0 ? new ActivityAggregate[] {later, Cohorts.demoRequests(1, 1)} : new ActivityAggregate[0]));
        assertThat(counts).containsEntry("behaviour:DEMO_REQUESTED/BOFU:ANY", "1/0")
                .doesNotContainKey("behaviour:PRICING_PAGE_VIEW/BOFU:ANY");
    }

    @Test
    void firstCallSignalsCountWithinTheWindowAfterTheHandoff() {
        Map<String, String> counts = counts(2, 1, i -> {
            ReferenceLead lead = plain(i, LeadSnapshot.builder().build());
            List<FirstCallSignal> signals = switch (i) {
                case 0 -> List.of(new FirstCallSignal("BUDGET_CONFIRMED", lead.handedOffAt().plus(Duration.ofDays(3))),
                        new FirstCallSignal("BUDGET_CONFIRMED", lead.handedOffAt().plus(Duration.ofDays(4))));
                case 1 -> List.of(new FirstCallSignal("PAIN_STATED", lead.handedOffAt().plus(Duration.ofDays(20))));
                default -> List.of(new FirstCallSignal("PAIN_STATED", lead.handedOffAt().plus(Duration.ofDays(14))));
            };
            return new ReferenceLead(lead.leadId(), lead.referenceMoment(), lead.traits(), null, null, List.of(),
                    lead.handedOffAt(), signals, lead.outcome());
        });
        assertThat(counts).containsEntry("first-call:BUDGET_CONFIRMED", "1/0")
                .as("day 20 is past the 14-day window; day 14 is in it").containsEntry("first-call:PAIN_STATED", "0/1");
    }

    @Test
    void aLeadWithMoreCodesThanTheCounterHasRoomForCountsEachOnce() {
        String[] codes = {"BUDGET_CONFIRMED", "DECISION_MAKER_ENGAGED", "PAIN_STATED", "TIMELINE_UNDER_90_DAYS",
                "COMPETITOR_EVALUATED", "CHAMPION_IDENTIFIED", "NEXT_STEP_BOOKED", "NO_CLEAR_PROJECT", "JUST_RESEARCHING"};
        Map<String, String> counts = counts(1, 1, i -> {
            ReferenceLead lead = plain(i, LeadSnapshot.builder().build());
            List<FirstCallSignal> signals = i == 1 ? List.of() : java.util.Arrays.stream(codes)
                    .map(c -> new FirstCallSignal(c, lead.handedOffAt().plus(Duration.ofDays(1)))).toList();
            return new ReferenceLead(lead.leadId(), lead.referenceMoment(), lead.traits(), null, null, List.of(),
                    lead.handedOffAt(), signals, lead.outcome());
        });
        assertThat(codes).allSatisfy(c -> assertThat(counts).as("all nine seeded codes on one call")
                .containsEntry("first-call:" + c, "1/0"));
    }

    @Test
    void campaignSourceAndChannel() {
        String[] campaigns = {"Spring webinar", "Spring webinar", null, "Spring webinar"};
        Map<String, String> counts = counts(2, 2, i -> {
            ReferenceLead lead = plain(i, LeadSnapshot.builder().source(i < 2 ? LeadSource.EVENT : LeadSource.PAID_SEARCH).build());
            return new ReferenceLead(lead.leadId(), lead.referenceMoment(), lead.traits(), campaigns[i],
                    campaigns[i] == null ? null : LeadSource.EVENT, List.of(), lead.handedOffAt(), List.of(), lead.outcome());
        });
        assertThat(counts).containsEntry("campaign:Spring webinar", "2/1")
                .containsEntry("campaign:∅", "0/1")
                .containsEntry("source:EVENT", "2/0")
                .containsEntry("source:PAID_SEARCH", "0/2")
                .containsEntry("channel:EVENT", "2/1");
    }
}
