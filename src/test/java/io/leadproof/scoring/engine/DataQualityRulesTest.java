package io.leadproof.scoring.engine;

import static io.leadproof.scoring.engine.Fixtures.daysBefore;
import static io.leadproof.scoring.engine.Fixtures.matches;
import static io.leadproof.scoring.engine.Fixtures.score;
import static io.leadproof.scoring.engine.LeadField.DATA_QUALITY;
import static io.leadproof.scoring.engine.LeadField.DATA_QUALITY_CHECK;
import static io.leadproof.scoring.engine.Operator.EQUALS;
import static io.leadproof.scoring.engine.Operator.IN;
import static io.leadproof.scoring.engine.Operator.IS_NOT_SET;
import static io.leadproof.scoring.engine.Operator.IS_SET;
import static io.leadproof.scoring.engine.Operator.NOT_EQUALS;
import static io.leadproof.scoring.engine.Operator.NOT_IN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.leadproof.lead.ActivityType;
import io.leadproof.lead.FunnelStage;
import io.leadproof.quality.QualityCode;
import io.leadproof.quality.QualityStatus;

/** Criteria on the data-quality verdict, and what engagement never counts: bounces and bot-flagged activities. */
class DataQualityRulesTest {

    private final LeadSnapshot bounced = LeadSnapshot.builder()
            .quality(new QualityFacts(QualityStatus.INVALID, List.of(QualityCode.EMAIL_BOUNCED, QualityCode.FREE_MAIL))).build();
    private final LeadSnapshot clean = LeadSnapshot.builder().quality(new QualityFacts(QualityStatus.VALID, List.of())).build();
    private final LeadSnapshot unjudged = LeadSnapshot.builder().build();

    @Test
    void a_rule_tests_the_status() {
        assertThat(matches(Predicate.of(DATA_QUALITY, EQUALS, "INVALID"), bounced)).isTrue();
        assertThat(matches(Predicate.of(DATA_QUALITY, EQUALS, "INVALID"), clean)).isFalse();
        assertThat(matches(Predicate.of(DATA_QUALITY, IN, "SUSPECT", "INVALID"), bounced)).isTrue();
        assertThat(matches(Predicate.of(DATA_QUALITY, NOT_EQUALS, "INVALID"), clean)).isTrue();
        assertThat(matches(Predicate.of(DATA_QUALITY, IS_NOT_SET), unjudged)).as("a lead not judged has no status").isTrue();
        assertThat(matches(Predicate.of(DATA_QUALITY, NOT_EQUALS, "INVALID"), unjudged)).isFalse();
    }

    @Test
    void a_rule_tests_each_check_among_the_findings() {
        assertThat(matches(Predicate.of(DATA_QUALITY_CHECK, EQUALS, "FREE_MAIL"), bounced)).isTrue();
        assertThat(matches(Predicate.of(DATA_QUALITY_CHECK, IN, "DUPLICATE", "email_bounced"), bounced)).isTrue();
        assertThat(matches(Predicate.of(DATA_QUALITY_CHECK, EQUALS, "DUPLICATE"), bounced)).isFalse();
        assertThat(matches(Predicate.of(DATA_QUALITY_CHECK, NOT_IN, "DUPLICATE", "BOT_ACTIVITY"), bounced)).isTrue();
        assertThat(matches(Predicate.of(DATA_QUALITY_CHECK, NOT_EQUALS, "FREE_MAIL"), bounced)).isFalse();
        assertThat(matches(Predicate.of(DATA_QUALITY_CHECK, IS_SET), bounced)).isTrue();
        assertThat(matches(Predicate.of(DATA_QUALITY_CHECK, IS_NOT_SET), clean)).as("no findings").isTrue();
    }

    @Test
    void an_unknown_check_code_is_refused_with_the_allowed_values() {
        var violations = CriteriaValidator.validate(Fixtures.version(
                new FitRule("f", "F", Predicate.of(DATA_QUALITY_CHECK, EQUALS, "MAILBOX_FULL"), 5)));
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo(io.leadproof.common.UserErrorCode.INVALID_ENUM_VALUE);
            assertThat(v.message()).contains("EMAIL_BOUNCED", "BOT_ACTIVITY");
        });
    }

    @Test
    void the_invalid_contact_knock_out_disqualifies_an_invalid_lead_only() {
        var score = score(bounced, List.of(), DefaultCriteria.invalidContactData());
        assertThat(score.knockedOutBy()).containsExactly("invalid-contact-data");
        assertThat(score.contributions()).singleElement().satisfies(c ->
                assertThat(c.evidence()).isEqualTo("data quality INVALID equals INVALID"));
        assertThat(score(clean, List.of(), DefaultCriteria.invalidContactData()).knockedOutBy()).isEmpty();
        assertThat(score(unjudged, List.of(), DefaultCriteria.invalidContactData()).knockedOutBy()).isEmpty();
        assertThat(CriteriaValidator.validate(Fixtures.version(DefaultCriteria.invalidContactData()))).isEmpty();
    }

    @Test
    void bounces_and_bot_flagged_activities_never_count_as_engagement() {
        Rule anything = new EngagementRule("any", "Any activity", null, null, null, Duration.ofDays(30), 5, 100, null);
        var person = new ActivityFact(ActivityType.PAGE_VIEW, FunnelStage.TOFU, null, daysBefore(1));
        var bot = new ActivityFact(ActivityType.PAGE_VIEW, FunnelStage.TOFU, null, daysBefore(1), true);
        var bounce = new ActivityFact(ActivityType.EMAIL_BOUNCED, null, null, daysBefore(1));
        assertThat(score(clean, List.of(person, bot, bounce, bot), anything).engagement()).isEqualTo(5);
    }

    @Test
    void an_engagement_rule_on_bounces_is_refused() {
        var violations = CriteriaValidator.validate(Fixtures.version(new EngagementRule("b", "Bounced", ActivityType.EMAIL_BOUNCED,
                null, null, Duration.ofDays(30), -10, 10, null)));
        assertThat(violations).extracting(RuleViolation::code).containsExactly(io.leadproof.common.UserErrorCode.NOT_ENGAGEMENT);
    }
}
