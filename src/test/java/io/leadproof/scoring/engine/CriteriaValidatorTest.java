package io.leadproof.scoring.engine;

import io.leadproof.lead.ActivityType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static io.leadproof.scoring.engine.LeadField.ANNUAL_REVENUE;
import static io.leadproof.scoring.engine.LeadField.COUNTRY;
import static io.leadproof.scoring.engine.LeadField.CUSTOM;
import static io.leadproof.scoring.engine.LeadField.EMAIL_DOMAIN;
import static io.leadproof.scoring.engine.LeadField.EMPLOYEE_COUNT;
import static io.leadproof.scoring.engine.LeadField.INDUSTRY;
import static io.leadproof.scoring.engine.LeadField.SENIORITY;
import static io.leadproof.scoring.engine.Operator.BETWEEN;
import static io.leadproof.scoring.engine.Operator.CONTAINS;
import static io.leadproof.scoring.engine.Operator.EQUALS;
import static io.leadproof.scoring.engine.Operator.GREATER_OR_EQUAL;
import static io.leadproof.scoring.engine.Operator.IN;
import static io.leadproof.scoring.engine.Operator.IS_SET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class CriteriaValidatorTest {
    private static final Duration DAYS_90 = Duration.ofDays(90);
    private final Rule valid = new FitRule("ok", "OK", Predicate.of(SENIORITY, EQUALS, "VP"), 5);

    private static List<RuleViolation> validate(Rule... rules) {
        return CriteriaValidator.validate(new CriteriaVersionSpec("v", Arrays.asList(rules), Thresholds.mql(50)));
    }

    private static FitRule fit(Predicate when) {
        return new FitRule("r", "Rule", when, 5);
    }

    private static EngagementRule engagement(Duration window, int points, int cap, Duration halfLife) {
        return new EngagementRule("e", "Engaged", ActivityType.PAGE_VIEW, null, null, window, points, cap, halfLife);
    }

    private static void assertSingle(List<RuleViolation> violations, String code, String... path) {
        assertThat(violations).extracting(v -> v.code().name(), RuleViolation::path)
                .containsExactly(tuple(code, List.of(path)));
        assertThat(violations.getFirst().message()).isNotBlank();
    }

    @Test
    void theDefaultCriteriaAreValid() {
        assertThat(CriteriaValidator.validate(DefaultCriteria.spec())).isEmpty();
    }

    @Test
    void rulesNeedAKeyALabelAndNoDuplicateKey() {
        assertSingle(validate(valid, new FitRule(" ", "Label", Predicate.of(SENIORITY, EQUALS, "VP"), 5)),
                "BLANK_RULE_KEY", "rules", "1", "key");
        assertSingle(validate(valid, new FitRule("x", null, Predicate.of(SENIORITY, EQUALS, "VP"), 5)),
                "BLANK_RULE_LABEL", "rules", "1", "label");
        assertSingle(validate(valid, new KnockoutRule("ok", "Again", Predicate.of(SENIORITY, EQUALS, "STUDENT"))),
                "DUPLICATE_RULE_KEY", "rules", "1", "key");
        assertSingle(validate(valid, null), "MISSING_RULE", "rules", "1");
    }

    @Test
    void aPredicateNeedsAFieldAnOperatorAndACustomKeyOnlyForCustom() {
        assertSingle(validate(new KnockoutRule("k", "K", null)), "MISSING_PREDICATE", "rules", "0", "when");
        assertSingle(validate(fit(new Predicate(null, null, EQUALS, List.of("x")))), "MISSING_FIELD", "rules", "0", "when", "field");
        assertSingle(validate(fit(new Predicate(INDUSTRY, null, null, List.of("x")))), "MISSING_OPERATOR", "rules", "0", "when", "operator");
        assertSingle(validate(fit(Predicate.custom(" ", IS_SET))), "MISSING_CUSTOM_KEY", "rules", "0", "when", "customKey");
        assertSingle(validate(fit(new Predicate(INDUSTRY, "plan", IS_SET, List.of()))), "UNEXPECTED_CUSTOM_KEY", "rules", "0", "when", "customKey");
    }

    @Test
    void theOperatorMustSuitTheFieldType() {
        assertSingle(validate(valid, fit(Predicate.of(SENIORITY, GREATER_OR_EQUAL, "VP"))),
                "OPERATOR_NOT_VALID_FOR_FIELD", "rules", "1", "when", "operator");
        assertSingle(validate(fit(Predicate.of(EMPLOYEE_COUNT, CONTAINS, "5"))),
                "OPERATOR_NOT_VALID_FOR_FIELD", "rules", "0", "when", "operator");
        assertThat(validate(fit(Predicate.custom("seats", GREATER_OR_EQUAL, "5")))).as("custom takes any operator").isEmpty();
    }

    @Test
    void eachOperatorTakesItsNumberOfValues() {
        assertSingle(validate(fit(Predicate.of(INDUSTRY, IS_SET, "x"))), "WRONG_VALUE_COUNT", "rules", "0", "when", "values");
        assertSingle(validate(fit(Predicate.of(INDUSTRY, IN))), "WRONG_VALUE_COUNT", "rules", "0", "when", "values");
        assertSingle(validate(fit(Predicate.of(INDUSTRY, EQUALS, "a", "b"))), "WRONG_VALUE_COUNT", "rules", "0", "when", "values");
        assertSingle(validate(fit(Predicate.of(EMPLOYEE_COUNT, BETWEEN, "5"))), "WRONG_VALUE_COUNT", "rules", "0", "when", "values");
    }

    @Test
    void valuesMustParseForTheirType() {
        assertSingle(validate(fit(Predicate.of(EMPLOYEE_COUNT, IN, "10", "lots"))), "INVALID_NUMBER", "rules", "0", "when", "values", "1");
        assertSingle(validate(fit(Predicate.custom("seats", GREATER_OR_EQUAL, "ten"))), "INVALID_NUMBER", "rules", "0", "when", "values", "0");
        assertSingle(validate(fit(Predicate.of(SENIORITY, IN, "VP", "CEO"))), "INVALID_ENUM_VALUE", "rules", "0", "when", "values", "1");
        assertSingle(validate(fit(Predicate.of(INDUSTRY, IN, "saas", " "))), "BLANK_VALUE", "rules", "0", "when", "values", "1");
        assertSingle(validate(fit(Predicate.of(COUNTRY, EQUALS, "Germany"))), "INVALID_COUNTRY_CODE", "rules", "0", "when", "values", "0");
        assertSingle(validate(fit(Predicate.of(EMAIL_DOMAIN, IN, "bob@rival.com"))), "INVALID_DOMAIN", "rules", "0", "when", "values", "0");
    }

    @Test
    void unknownIsNotAValueButIsNotSet() {
        List<RuleViolation> violations = validate(fit(Predicate.of(SENIORITY, EQUALS, "UNKNOWN")));
        assertSingle(violations, "INVALID_ENUM_VALUE", "rules", "0", "when", "values", "0");
        assertThat(violations.getFirst().message()).contains("IS_NOT_SET");
    }

    @Test
    void betweenNeedsAscendingBounds() {
        assertSingle(validate(fit(Predicate.of(ANNUAL_REVENUE, BETWEEN, "100", "10"))), "BETWEEN_NOT_ASCENDING", "rules", "0", "when", "values");
        assertThat(validate(fit(Predicate.of(ANNUAL_REVENUE, BETWEEN, "10", "10")))).isEmpty();
    }

    @Test
    void rulesMustBeWorthSomething() {
        assertSingle(validate(new FitRule("f", "F", Predicate.of(SENIORITY, EQUALS, "VP"), 0)), "ZERO_POINTS", "rules", "0", "points");
        assertSingle(validate(engagement(DAYS_90, 0, 10, null)), "ZERO_POINTS", "rules", "0", "pointsPerOccurrence");
        assertSingle(validate(new FitRule("f", "F", Predicate.of(SENIORITY, EQUALS, "VP"), 2_000_000)), "POINTS_OUT_OF_RANGE", "rules", "0", "points");
        assertSingle(validate(engagement(DAYS_90, 5, Integer.MIN_VALUE, null)), "POINTS_OUT_OF_RANGE", "rules", "0", "cap");
    }

    @Test
    void engagementNeedsAPositiveWindowACapAtLeastOneOccurrenceAndAPositiveHalfLife() {
        assertSingle(validate(engagement(null, 5, 10, null)), "MISSING_WINDOW", "rules", "0", "window");
        assertSingle(validate(engagement(Duration.ZERO, 5, 10, null)), "NON_POSITIVE_WINDOW", "rules", "0", "window");
        assertSingle(validate(engagement(Duration.ofDays(-1), 5, 10, null)), "NON_POSITIVE_WINDOW", "rules", "0", "window");
        assertSingle(validate(engagement(DAYS_90, 5, 4, null)), "CAP_BELOW_POINTS", "rules", "0", "cap");
        assertSingle(validate(engagement(DAYS_90, -5, 4, null)), "CAP_BELOW_POINTS", "rules", "0", "cap");
        assertThat(validate(engagement(DAYS_90, -5, -5, null))).isEmpty();
        assertSingle(validate(engagement(DAYS_90, 5, 10, Duration.ZERO)), "NON_POSITIVE_HALF_LIFE", "rules", "0", "halfLife");
        assertSingle(validate(new EngagementRule("e", "E", null, null, "", DAYS_90, 1, 1, null)), "BLANK_CONTENT_TAG", "rules", "0", "contentTag");
    }

    @Test
    void aVersionNeedsAnMqlThresholdAndAtMostMaxRules() {
        assertSingle(CriteriaValidator.validate(new CriteriaVersionSpec("v", List.of(valid), null)),
                "MISSING_MQL_THRESHOLD", "thresholds", "mql");
        List<Rule> tooMany = java.util.stream.IntStream.rangeClosed(0, CriteriaValidator.MAX_RULES)
                .mapToObj(i -> (Rule) new FitRule("r" + i, "R", Predicate.of(SENIORITY, EQUALS, "VP"), 1)).toList();
        assertSingle(CriteriaValidator.validate(new CriteriaVersionSpec("v", tooMany, Thresholds.mql(1))), "TOO_MANY_RULES", "rules");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<RuleViolation> violations = CriteriaValidator.validate(new CriteriaVersionSpec("v", List.of(
                new FitRule("", "", new Predicate(CUSTOM, null, BETWEEN, List.of("9", "x")), 0),
                engagement(Duration.ZERO, 5, 1, Duration.ofDays(-2))), null));
        assertThat(violations).extracting(v -> v.code().name()).containsExactly(
                "BLANK_RULE_KEY", "BLANK_RULE_LABEL", "MISSING_CUSTOM_KEY", "INVALID_NUMBER", "ZERO_POINTS",
                "NON_POSITIVE_WINDOW", "CAP_BELOW_POINTS", "NON_POSITIVE_HALF_LIFE", "MISSING_MQL_THRESHOLD");
    }

    @Test
    void compilingAnInvalidVersionFailsWithItsViolations() {
        CriteriaVersionSpec invalid = new CriteriaVersionSpec("v", List.of(valid, valid), Thresholds.mql(1));
        assertThatThrownBy(() -> ScoringEngine.compile(invalid))
                .isInstanceOfSatisfying(InvalidCriteriaException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.code().name()).containsExactly("DUPLICATE_RULE_KEY"))
                .hasMessageContaining("rules.1.key DUPLICATE_RULE_KEY");
    }
}
