package io.leadproof.scoring.engine;

import io.leadproof.lead.ActivityType;
import io.leadproof.lead.FunnelStage;
import io.leadproof.lead.Seniority;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static io.leadproof.scoring.engine.Fixtures.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random versions, leads and histories (seeded, so a failure reproduces) checked against the
 * definitions: each rule's points recomputed independently here, total = sum of contributions,
 * qualification per the thresholds, and independence from activity order and from the future.
 */
class ScoreInvariantPropertyTest {
    private static final int CASES = 1000;
    private static final ActivityType[] TYPES = ActivityType.values();
    /** What an engagement rule may name: every type but the bounce. */
    private static final ActivityType[] RULE_TYPES = java.util.Arrays.stream(TYPES)
            .filter(t -> t != ActivityType.EMAIL_BOUNCED).toArray(ActivityType[]::new);
    private static final FunnelStage[] STAGES = FunnelStage.values();
    private static final Seniority[] SENIORITIES = Seniority.values();

    private final Random random = new Random(20250630L);

    @Test
    void scoresMatchAnIndependentReckoningOfEveryRule() {
        for (int i = 0; i < CASES; i++) {
            CriteriaVersionSpec spec = randomSpec(i);
            LeadSnapshot lead = randomLead();
            List<ActivityFact> activities = randomActivities();
            String scenario = "case " + i + ": " + spec + " / " + lead.seniority() + " " + activities;

            Score score = ScoringEngine.score(lead, activities, spec, AS_OF);

            assertThat(score.total()).as(scenario).isEqualTo(score.contributions().stream().mapToInt(Contribution::points).sum());
            assertThat(score.total()).as(scenario).isEqualTo(score.fit() + score.engagement());
            assertThat(score.knockedOutBy()).as(scenario).isEqualTo(score.contributions().stream()
                    .filter(c -> c.kind() == RuleKind.KNOCK_OUT).map(Contribution::ruleKey).toList());
            for (Rule rule : spec.rules()) {
                Integer expected = expectedPoints(rule, lead, activities);
                Contribution actual = score.contributions().stream().filter(c -> c.ruleKey().equals(rule.key())).findFirst().orElse(null);
                assertThat(actual == null ? null : actual.points()).as(scenario + " rule " + rule).isEqualTo(expected);
            }
            Thresholds t = spec.thresholds();
            boolean expectedQualified = score.knockedOutBy().isEmpty() && score.total() >= t.mql()
                    && (t.minFit() == null || score.fit() >= t.minFit())
                    && (t.minEngagement() == null || score.engagement() >= t.minEngagement());
            assertThat(score.qualified()).as(scenario).isEqualTo(expectedQualified);

            List<ActivityFact> shuffledWithFuture = new ArrayList<>(activities);
            shuffledWithFuture.add(new ActivityFact(TYPES[random.nextInt(TYPES.length)], null, null,
                    AS_OF.plusSeconds(1 + random.nextInt(1_000_000))));
            Collections.shuffle(shuffledWithFuture, random);
            assertThat(ScoringEngine.score(lead, shuffledWithFuture, spec, AS_OF)).as(scenario).isEqualTo(score);
        }
    }

    /** The points a rule should contribute, or null when it should not contribute at all. */
    private static Integer expectedPoints(Rule rule, LeadSnapshot lead, List<ActivityFact> activities) {
        return switch (rule) {
            case FitRule fit -> seniorityIn(fit.when(), lead) ? fit.points() : null;
            case KnockoutRule knockout -> seniorityIn(knockout.when(), lead) ? 0 : null;
            case EngagementRule e -> {
                Instant windowStart = AS_OF.minus(e.window());
                double sum = 0;
                int count = 0;
                for (ActivityFact a : activities) {
                    boolean counts = !a.botFlagged() && a.type() != ActivityType.EMAIL_BOUNCED
                            && a.occurredAt().isAfter(windowStart) && !a.occurredAt().isAfter(AS_OF)
                            && (e.type() == null || e.type() == a.type()) && (e.stage() == null || e.stage() == a.stage());
                    if (counts) {
                        count++;
                        double age = Duration.between(a.occurredAt(), AS_OF).toNanos();
                        sum += e.halfLife() == null ? 1 : Math.pow(0.5, age / e.halfLife().toNanos());
                    }
                }
                if (count == 0) {
                    yield null;
                }
                double magnitude = Math.min(Math.abs(e.pointsPerOccurrence() * sum), Math.abs(e.cap()));
                int rounded = new BigDecimal(magnitude).setScale(0, RoundingMode.HALF_UP).intValueExact();
                yield e.pointsPerOccurrence() < 0 ? -rounded : rounded;
            }
        };
    }

    private static boolean seniorityIn(Predicate when, LeadSnapshot lead) {
        return lead.seniority() != null && lead.seniority() != Seniority.UNKNOWN
                && when.values().contains(lead.seniority().name());
    }

    private CriteriaVersionSpec randomSpec(int caseNumber) {
        List<Rule> rules = new ArrayList<>();
        int count = random.nextInt(12);
        for (int r = 0; r < count; r++) {
            String key = "rule-" + r;
            switch (random.nextInt(5)) {
                case 0, 1 -> rules.add(new FitRule(key, key, senioritiesPredicate(), nonZero(30)));
                case 2 -> rules.add(new KnockoutRule(key, key, senioritiesPredicate()));
                default -> {
                    int points = nonZero(25);
                    int cap = (Math.abs(points) + random.nextInt(60)) * (random.nextBoolean() ? 1 : -1);
                    rules.add(new EngagementRule(key, key,
                            random.nextInt(3) == 0 ? null : RULE_TYPES[random.nextInt(RULE_TYPES.length)],
                            random.nextInt(2) == 0 ? null : STAGES[random.nextInt(STAGES.length)],
                            null, Duration.ofSeconds(1 + random.nextInt(120 * 86_400)), points, cap,
                            random.nextBoolean() ? null : Duration.ofSeconds(3_600 + random.nextInt(60 * 86_400))));
                }
            }
        }
        Integer minFit = random.nextInt(3) == 0 ? random.nextInt(40) - 10 : null;
        Integer minEngagement = random.nextInt(3) == 0 ? random.nextInt(40) - 10 : null;
        return new CriteriaVersionSpec("random-" + caseNumber, rules, new Thresholds(random.nextInt(80) - 10, minFit, minEngagement));
    }

    private Predicate senioritiesPredicate() {
        int count = 1 + random.nextInt(3);
        List<String> values = new ArrayList<>();
        while (values.size() < count) {
            Seniority s = SENIORITIES[random.nextInt(SENIORITIES.length)];
            if (s != Seniority.UNKNOWN && !values.contains(s.name())) {
                values.add(s.name());
            }
        }
        return new Predicate(LeadField.SENIORITY, null, Operator.IN, values);
    }

    private int nonZero(int bound) {
        int value = random.nextInt(2 * bound + 1) - bound;
        return value == 0 ? 1 : value;
    }

    private LeadSnapshot randomLead() {
        return LeadSnapshot.builder()
                .seniority(random.nextInt(6) == 0 ? null : SENIORITIES[random.nextInt(SENIORITIES.length)])
                .employeeCount(random.nextInt(10_000)).annualRevenue(BigDecimal.valueOf(random.nextLong(1_000_000_000L)))
                .build();
    }

    private List<ActivityFact> randomActivities() {
        List<ActivityFact> activities = new ArrayList<>();
        int count = random.nextInt(25);
        for (int a = 0; a < count; a++) {
            Instant at = AS_OF.minusSeconds(random.nextInt(150 * 86_400)).minusNanos(random.nextInt(1_000_000_000));
            activities.add(new ActivityFact(TYPES[random.nextInt(TYPES.length)],
                    random.nextInt(4) == 0 ? null : STAGES[random.nextInt(STAGES.length)], null, at, random.nextInt(6) == 0));
        }
        return activities;
    }
}
