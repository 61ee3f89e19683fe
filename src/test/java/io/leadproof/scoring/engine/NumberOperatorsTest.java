package io.leadproof.scoring.engine;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.leadproof.scoring.engine.Fixtures.matches;
import static io.leadproof.scoring.engine.LeadField.ANNUAL_REVENUE;
import static io.leadproof.scoring.engine.LeadField.BUDGET_AMOUNT;
import static io.leadproof.scoring.engine.LeadField.EMPLOYEE_COUNT;
import static io.leadproof.scoring.engine.Operator.BETWEEN;
import static io.leadproof.scoring.engine.Operator.EQUALS;
import static io.leadproof.scoring.engine.Operator.GREATER_OR_EQUAL;
import static io.leadproof.scoring.engine.Operator.IN;
import static io.leadproof.scoring.engine.Operator.IS_NOT_SET;
import static io.leadproof.scoring.engine.Operator.IS_SET;
import static io.leadproof.scoring.engine.Operator.LESS_OR_EQUAL;
import static io.leadproof.scoring.engine.Operator.NOT_EQUALS;
import static io.leadproof.scoring.engine.Operator.NOT_IN;
import static org.assertj.core.api.Assertions.assertThat;

class NumberOperatorsTest {
    private final LeadSnapshot midMarket = LeadSnapshot.builder()
            .employeeCount(250).annualRevenue(new BigDecimal("12500000.00")).build();
    private final LeadSnapshot unknownSize = LeadSnapshot.builder().build();

    @Test
    void equalsComparesByValueNotScale() {
        assertThat(matches(Predicate.of(ANNUAL_REVENUE, EQUALS, "12500000"), midMarket)).isTrue();
        assertThat(matches(Predicate.of(ANNUAL_REVENUE, EQUALS, "1.25e7"), midMarket)).isTrue();
        assertThat(matches(Predicate.of(EMPLOYEE_COUNT, EQUALS, "250.0"), midMarket)).isTrue();
        assertThat(matches(Predicate.of(EMPLOYEE_COUNT, EQUALS, "250.5"), midMarket)).isFalse();
    }

    @Test
    void notEqualsAndNotInNeedAKnownValue() {
        assertThat(matches(Predicate.of(EMPLOYEE_COUNT, NOT_EQUALS, "10"), midMarket)).isTrue();
        assertThat(matches(Predicate.of(EMPLOYEE_COUNT, NOT_EQUALS, "250"), midMarket)).isFalse();
        assertThat(matches(Predicate.of(EMPLOYEE_COUNT, NOT_IN, "10", "20"), midMarket)).isTrue();
        assertThat(matches(Predicate.of(EMPLOYEE_COUNT, NOT_IN, "10", "250"), midMarket)).isFalse();
        assertThat(matches(Predicate.of(EMPLOYEE_COUNT, NOT_EQUALS, "10"), unknownSize)).isFalse();
        assertThat(matches(Predicate.of(EMPLOYEE_COUNT, NOT_IN, "10"), unknownSize)).isFalse();
    }

    @Test
    void inMatchesAnyListedNumber() {
        assertThat(matches(Predicate.of(EMPLOYEE_COUNT, IN, "100", "250"), midMarket)).isTrue();
        assertThat(matches(Predicate.of(EMPLOYEE_COUNT, IN, "100", "200"), midMarket)).isFalse();
    }

    @Test
    void greaterOrEqualIncludesTheBound() {
        assertThat(matches(Predicate.of(EMPLOYEE_COUNT, GREATER_OR_EQUAL, "250"), midMarket)).isTrue();
        assertThat(matches(Predicate.of(EMPLOYEE_COUNT, GREATER_OR_EQUAL, "249.5"), midMarket)).isTrue();
        assertThat(matches(Predicate.of(EMPLOYEE_COUNT, GREATER_OR_EQUAL, "250.01"), midMarket)).isFalse();
        assertThat(matches(Predicate.of(ANNUAL_REVENUE, GREATER_OR_EQUAL, "12500000.001"), midMarket)).isFalse();
    }

    @Test
    void lessOrEqualIncludesTheBound() {
        assertThat(matches(Predicate.of(EMPLOYEE_COUNT, LESS_OR_EQUAL, "250"), midMarket)).isTrue();
        assertThat(matches(Predicate.of(EMPLOYEE_COUNT, LESS_OR_EQUAL, "249.99"), midMarket)).isFalse();
        assertThat(matches(Predicate.of(ANNUAL_REVENUE, LESS_OR_EQUAL, "-5"), midMarket)).isFalse();
    }

    @Test
    void betweenIncludesBothBounds() {
        assertThat(matches(Predicate.of(EMPLOYEE_COUNT, BETWEEN, "250", "999"), midMarket)).isTrue();
        assertThat(matches(Predicate.of(EMPLOYEE_COUNT, BETWEEN, "51", "250"), midMarket)).isTrue();
        assertThat(matches(Predicate.of(EMPLOYEE_COUNT, BETWEEN, "251", "999"), midMarket)).isFalse();
        assertThat(matches(Predicate.of(EMPLOYEE_COUNT, BETWEEN, "1", "249"), midMarket)).isFalse();
    }

    @Test
    void boundsBeyondTheLongRangeStillCompare() {
        assertThat(matches(Predicate.of(EMPLOYEE_COUNT, LESS_OR_EQUAL, "1e30"), midMarket)).isTrue();
        assertThat(matches(Predicate.of(EMPLOYEE_COUNT, GREATER_OR_EQUAL, "-1e30"), midMarket)).isTrue();
        assertThat(matches(Predicate.of(EMPLOYEE_COUNT, GREATER_OR_EQUAL, "1e30"), midMarket)).isFalse();
    }

    @Test
    void comparisonsNeverMatchAnUnknownNumber() {
        assertThat(matches(Predicate.of(BUDGET_AMOUNT, GREATER_OR_EQUAL, "0"), unknownSize)).isFalse();
        assertThat(matches(Predicate.of(BUDGET_AMOUNT, LESS_OR_EQUAL, "0"), unknownSize)).isFalse();
        assertThat(matches(Predicate.of(BUDGET_AMOUNT, BETWEEN, "-1", "1"), unknownSize)).isFalse();
        assertThat(matches(Predicate.of(BUDGET_AMOUNT, IS_NOT_SET), unknownSize)).isTrue();
        assertThat(matches(Predicate.of(ANNUAL_REVENUE, IS_SET), midMarket)).isTrue();
    }

    @Test
    void evidenceShowsTheNumberAndTheRange() {
        Score score = Fixtures.score(midMarket, List.of(),
                new FitRule("mid", "Mid-market", Predicate.of(EMPLOYEE_COUNT, BETWEEN, "51", "1000"), 5),
                new FitRule("rev", "Revenue", Predicate.of(ANNUAL_REVENUE, GREATER_OR_EQUAL, "10000000"), 5));
        assertThat(score.contributions()).extracting(Contribution::evidence).containsExactly(
                "employee count 250 between 51 and 1000",
                "annual revenue 12500000.00 ≥ 10000000");
    }
}
