package io.leadproof.evidence.core;

import io.leadproof.feedback.RejectionCategory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A handoff's outcome as of instants before and after each of its facts. */
class OutcomeAsOfTest {
    private static final Instant HANDOFF = Instant.parse("2025-01-01T09:00:00Z");
    private static final Duration STALL = Duration.ofDays(30);

    private static Instant day(int n) {
        return HANDOFF.plus(Duration.ofDays(n));
    }

    private static OutcomeKind kindAt(HandoffFacts facts, Instant t) {
        return Outcomes.asOf(facts, t, STALL).kind();
    }

    @Test
    void aDealIsWonFromItsCloseOnAndNotBefore() {
        HandoffFacts facts = HandoffFacts.handedOff(HANDOFF).accepted(day(1)).opportunity(day(10)).won(day(20));
        assertThat(kindAt(facts, day(0))).isEqualTo(OutcomeKind.OPEN);
        assertThat(kindAt(facts, day(19))).isEqualTo(OutcomeKind.OPEN);
        assertThat(kindAt(facts, day(20))).isEqualTo(OutcomeKind.WON);
        assertThat(Outcomes.asOf(facts, day(400), STALL)).isEqualTo(Outcome.of(OutcomeKind.WON, day(20)));
    }

    @Test
    void aLostDealCountsAsLostOnlyOnceClosed() {
        HandoffFacts facts = HandoffFacts.handedOff(HANDOFF).accepted(day(1)).lost(day(5));
        assertThat(kindAt(facts, day(4))).isEqualTo(OutcomeKind.OPEN);
        assertThat(kindAt(facts, day(5))).isEqualTo(OutcomeKind.LOST);
    }

    @Test
    void aRejectionCarriesItsReasonFromTheMomentItWasLogged() {
        HandoffFacts facts = HandoffFacts.handedOff(HANDOFF).rejected(day(2), "NO_BUDGET", RejectionCategory.BUDGET);
        assertThat(kindAt(facts, day(1))).isEqualTo(OutcomeKind.OPEN);
        assertThat(Outcomes.asOf(facts, day(2), STALL))
                .isEqualTo(Outcome.rejected("NO_BUDGET", RejectionCategory.BUDGET, day(2)));
    }

    @Test
    void anAcceptedLeadStallsAfterThirtyQuietDaysAndATouchRestartsTheClock() {
        HandoffFacts facts = HandoffFacts.handedOff(HANDOFF).accepted(day(1)).touched(day(10));
        assertThat(kindAt(facts, day(31))).as("20 days after the touch").isEqualTo(OutcomeKind.OPEN);
        assertThat(kindAt(facts, day(39).minusSeconds(1))).isEqualTo(OutcomeKind.OPEN);
        assertThat(Outcomes.asOf(facts, day(40), STALL)).isEqualTo(Outcome.of(OutcomeKind.STALLED, day(40)));
    }

    @Test
    void asOfAnEarlierInstantATouchThatCameLaterDoesNotCount() {
        HandoffFacts facts = HandoffFacts.handedOff(HANDOFF).accepted(day(1)).touched(day(45));
        assertThat(kindAt(facts, day(31))).as("30 quiet days after acceptance").isEqualTo(OutcomeKind.STALLED);
        assertThat(kindAt(facts, day(50))).as("the touch on day 45 revived it").isEqualTo(OutcomeKind.OPEN);
        assertThat(kindAt(facts, day(75))).isEqualTo(OutcomeKind.STALLED);
    }

    @Test
    void anOpportunityIsAStateChangeThatRestartsTheClock() {
        HandoffFacts facts = HandoffFacts.handedOff(HANDOFF).accepted(day(1)).opportunity(day(25));
        assertThat(kindAt(facts, day(40))).isEqualTo(OutcomeKind.OPEN);
        assertThat(kindAt(facts, day(55))).isEqualTo(OutcomeKind.STALLED);
    }

    @Test
    void aHandoffNobodyAnsweredIsOpenNotStalled() {
        HandoffFacts facts = HandoffFacts.handedOff(HANDOFF);
        assertThat(kindAt(facts, day(365))).isEqualTo(OutcomeKind.OPEN);
        assertThat(OutcomeKind.OPEN.isDecided()).isFalse();
    }

    @Test
    void aStalledDealThatLaterClosedIsWonFromItsClose() {
        HandoffFacts facts = HandoffFacts.handedOff(HANDOFF).accepted(day(1)).won(day(90));
        assertThat(kindAt(facts, day(60))).isEqualTo(OutcomeKind.STALLED);
        assertThat(kindAt(facts, day(90))).isEqualTo(OutcomeKind.WON);
    }

    @Test
    void importedHistoryFollowsTheSameRules() {
        HandoffFacts facts = HandoffFacts.handedOff(HANDOFF).accepted(day(3)).won(day(30)).importedFromCrm();
        assertThat(facts.imported()).isTrue();
        assertThat(kindAt(facts, day(30))).isEqualTo(OutcomeKind.WON);
    }

    @Test
    void aHandoffHasNoOutcomeBeforeItExisted() {
        assertThatThrownBy(() -> Outcomes.asOf(HandoffFacts.handedOff(HANDOFF), day(-1), STALL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Outcomes.asOf(HandoffFacts.handedOff(HANDOFF), day(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
