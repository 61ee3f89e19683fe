package io.leadproof.evidence.suggest;

import io.leadproof.evidence.core.AttributionKind;
import io.leadproof.evidence.core.BehaviourFacet;
import io.leadproof.evidence.core.ReferenceMoment;
import io.leadproof.evidence.core.SignalCount;
import io.leadproof.evidence.core.SignalCounts;
import io.leadproof.evidence.core.SignalDefinition;
import io.leadproof.evidence.core.SignalOptions;
import io.leadproof.evidence.core.SignalResult;
import io.leadproof.evidence.core.SignalStatistics;
import io.leadproof.evidence.core.Wording;
import io.leadproof.evidence.rejections.RejectionFixture;
import io.leadproof.evidence.rejections.RejectionInsights;
import io.leadproof.lead.ActivityType;
import io.leadproof.lead.FunnelStage;
import io.leadproof.scoring.engine.CriteriaVersionSpec;
import io.leadproof.scoring.engine.EngagementRule;
import io.leadproof.scoring.engine.FitRule;
import io.leadproof.scoring.engine.KnockoutRule;
import io.leadproof.scoring.engine.LeadField;
import io.leadproof.scoring.engine.Operator;
import io.leadproof.scoring.engine.Predicate;
import io.leadproof.scoring.engine.Thresholds;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From the evidence of a quarter to a draft: 40 won vs 40 stalled deals and the rejections of
 * {@link RejectionFixture}, against an active version with a threshold of 50. A signal that doubles
 * the odds is worth 50 / 4 = 12.5 points, so points = WoE × 12.5 / ln 2, rounded to 5.
 */
class SuggestedDraftTest {
    private static final Instant FROM = Instant.parse("2025-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-06-01T00:00:00Z");
    private static final FitRule BUDGET = new FitRule("budget-approved", "Budget in place",
            Predicate.of(LeadField.BUDGET_STATUS, Operator.EQUALS, "APPROVED"), 15);
    private static final EngagementRule OFFER = new EngagementRule("bofu-offer", "Bottom-of-funnel offer", null,
            FunnelStage.BOFU, null, Duration.ofDays(90), 20, 40, null);
    private static final FitRule DECISION_MAKER = new FitRule("decision-maker", "Decision maker",
            Predicate.of(LeadField.AUTHORITY, Operator.EQUALS, "DECISION_MAKER"), 10);
    private static final CriteriaVersionSpec ACTIVE = new CriteriaVersionSpec("v3",
            List.of(BUDGET, OFFER, DECISION_MAKER), Thresholds.mql(50));

    private static List<SignalResult> wonVersusStalled() {
        SignalCounts counts = new SignalCounts(40, 40, List.of(
                new SignalCount(new SignalDefinition.Behaviour(ActivityType.DEMO_REQUESTED, FunnelStage.BOFU, BehaviourFacet.ANY), 28, 8),
                new SignalCount(new SignalDefinition.Behaviour(ActivityType.DEMO_REQUESTED, FunnelStage.BOFU, BehaviourFacet.WITHIN_30_DAYS), 26, 6),
                new SignalCount(new SignalDefinition.TraitValue(LeadField.INDUSTRY, null, "gambling"), 0, 22),
                new SignalCount(new SignalDefinition.TraitValue(LeadField.BUDGET_STATUS, null, "APPROVED"), 30, 10),
                new SignalCount(new SignalDefinition.Attribution(AttributionKind.CAMPAIGN, "Spring webinar"), 20, 5),
                new SignalCount(new SignalDefinition.FirstCall("BUDGET_CONFIRMED"), 25, 6),
                new SignalCount(new SignalDefinition.TraitValue(LeadField.SENIORITY, null, "C_LEVEL"), 12, 10)));
        return SignalStatistics.analyse(counts, new Wording("won deals", "stalled deals", ReferenceMoment.atHandoff()));
    }

    private static Suggestion suggest() {
        RejectionInsights.Result rejections = RejectionInsights.analyse(RejectionFixture.handoffs(), ZoneOffset.UTC,
                SignalOptions.defaults());
        return Suggestions.suggest(new SuggestionRequest(ACTIVE, "v4-draft", wonVersusStalled(), "won deals",
                "stalled deals", rejections.findings(), FROM, TO, SuggestionRequest.DEFAULT_KNOCKOUT_MIN_SUPPORT));
    }

    @Test
    void theDraftIsTheActiveVersionWithTheProposalsApplied() {
        CriteriaVersionSpec expected = new CriteriaVersionSpec("v4-draft", List.of(
                BUDGET,
                // over-represented 1.9× in NO_BUDGET rejections (19 of 20 vs 20 of 40): 20 / 1.9 → 10, cap scaled to 20
                new EngagementRule("bofu-offer", "Bottom-of-funnel offer", null, FunnelStage.BOFU, null,
                        Duration.ofDays(90), 10, 20, null),
                DECISION_MAKER,
                // demo requests: lift 3.5, WoE ln 3.5 = 1.253 → 22.6 → 25 points once within a year
                new EngagementRule("suggested-behaviour-demo-requested-bofu-any", "Requested a demo (BOFU)",
                        ActivityType.DEMO_REQUESTED, FunnelStage.BOFU, null, Duration.ofDays(365), 25, 25, null),
                // no won deal among the 22 stalled ones in gambling
                new KnockoutRule("suggested-trait-industry-gambling", "Industry 'gambling'",
                        Predicate.of(LeadField.INDUSTRY, Operator.EQUALS, "gambling")),
                // unknown budget in 80 % of NO_BUDGET rejections vs 25 % of accepted: WoE ln 3.2 = 1.163 → −21 → −20
                new FitRule("suggested-trait-budget-status", "Budget status unknown",
                        new Predicate(LeadField.BUDGET_STATUS, null, Operator.IS_NOT_SET, List.of()), -20)),
                Thresholds.mql(50));
        assertThat(suggest().draft()).isEqualTo(expected);
    }

    @Test
    void everyChangeCarriesItsRationale() {
        Suggestion suggestion = suggest();
        assertThat(suggestion.changes()).hasSize(4);
        ProposedChange.AddRule demo = (ProposedChange.AddRule) suggestion.changes().getFirst();
        Rationale why = demo.rationale();
        assertThat(why.signalKey()).isEqualTo("behaviour:DEMO_REQUESTED/BOFU:ANY");
        assertThat(why.groupA()).isEqualTo("won deals");
        assertThat(why.countA()).isEqualTo(28);
        assertThat(why.nB()).isEqualTo(40);
        assertThat(why.windowFrom()).isEqualTo(FROM);
        assertThat(why.sentence()).startsWith("Add ENGAGEMENT rule 'Requested a demo (BOFU)' worth +25 points: Won deals "
                + "had requested a demo (BOFU) before handoff 3.5× as often as stalled deals (28 of 40 vs 8 of 40); strong evidence.")
                .contains("lift 3.50 (95 % CI").contains("Evidence from handoffs 2025-03-01T00:00:00Z – 2025-06-01T00:00:00Z.");
        ProposedChange.ChangePoints lower = suggestion.changes().stream()
                .filter(ProposedChange.ChangePoints.class::isInstance).map(ProposedChange.ChangePoints.class::cast)
                .findFirst().orElseThrow();
        assertThat(lower.ruleKey()).isEqualTo("bofu-offer");
        assertThat(lower.fromPoints()).isEqualTo(20);
        assertThat(lower.toPoints()).isEqualTo(10);
        assertThat(lower.rationale().groupA()).isEqualTo("NO_BUDGET rejections");
        assertThat(lower.rationale().groupB()).isEqualTo("accepted handoffs");
    }

    @Test
    void strongEvidenceNoRuleCanExpressBecomesANote() {
        List<String> notes = suggest().notes();
        assertThat(notes).anyMatch(n -> n.startsWith("The active version already tests budget status APPROVED"));
        assertThat(notes).anyMatch(n -> n.startsWith("No rule can score this before handoff: Won deals had come from campaign"));
        assertThat(notes).anyMatch(n -> n.contains("BUDGET_CONFIRMED logged after the first calls"));
        assertThat(notes).noneMatch(n -> n.contains("C_LEVEL"));
    }

    @Test
    void aValueTheActiveVersionAlreadyTestsIsNotProposedAgainWhateverItsCase() {
        KnockoutRule gambling = new KnockoutRule("no-gambling", "Gambling", Predicate.of(LeadField.INDUSTRY, Operator.EQUALS, " Gambling"));
        CriteriaVersionSpec active = new CriteriaVersionSpec("v3", List.of(BUDGET, gambling), Thresholds.mql(50));
        Suggestion suggestion = Suggestions.suggest(new SuggestionRequest(active, "v4-draft", wonVersusStalled(), "won deals",
                "stalled deals", List.of(), FROM, TO, SuggestionRequest.DEFAULT_KNOCKOUT_MIN_SUPPORT));
        assertThat(suggestion.draft().rules()).extracting(r -> r.key())
                .containsExactly("budget-approved", "no-gambling", "suggested-behaviour-demo-requested-bofu-any");
    }
}
