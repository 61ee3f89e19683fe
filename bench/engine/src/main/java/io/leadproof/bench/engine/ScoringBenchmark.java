package io.leadproof.bench.engine;

import io.leadproof.lead.ActivityType;
import io.leadproof.lead.Authority;
import io.leadproof.lead.BudgetStatus;
import io.leadproof.lead.FunnelStage;
import io.leadproof.lead.LeadSource;
import io.leadproof.lead.Need;
import io.leadproof.lead.Seniority;
import io.leadproof.lead.Timeline;
import io.leadproof.scoring.engine.ActivityFact;
import io.leadproof.scoring.engine.CompiledCriteria;
import io.leadproof.scoring.engine.DefaultCriteria;
import io.leadproof.scoring.engine.LeadSnapshot;
import io.leadproof.scoring.engine.Score;
import io.leadproof.scoring.engine.ScoringEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Scores per second: a pool of 1,024 varied leads with 5–20 activities each is scored in turn
 * (so branch prediction cannot memorise one lead) against a compiled version.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class ScoringBenchmark {
    private static final int POOL = 1024;
    private static final Instant AS_OF = Instant.parse("2025-06-30T12:00:00Z");
    private static final String[] INDUSTRIES = {"SaaS", "Manufacturing", "Fintech", "Retail", "Education", "Media"};
    private static final String[] TITLES = {"Chief Technology Officer", "VP Engineering", "Software Engineer",
            "Head of Marketing", "Procurement Manager", "Student", "Solutions Architect"};
    private static final String[] DOMAINS = {"acme.com", "gmail.com", "initech.io", "competitor.example", "uni.edu", "globex.de"};
    private static final String[] COUNTRIES = {"US", "DE", "FR", "BR", "GB", "IN"};

    private CompiledCriteria thirtyRules;
    private CompiledCriteria defaults;
    private LeadSnapshot[] leads;
    private List<List<ActivityFact>> histories;
    private int next;

    @Setup
    public void setUp() {
        thirtyRules = ScoringEngine.compile(ThirtyRuleVersion.spec());
        defaults = ScoringEngine.compile(DefaultCriteria.spec());
        Random random = new Random(42);
        leads = new LeadSnapshot[POOL];
        histories = new ArrayList<>(POOL);
        for (int i = 0; i < POOL; i++) {
            leads[i] = randomLead(random);
            histories.add(randomHistory(random));
        }
    }

    @Benchmark
    public Score scoreWithThirtyRules() {
        int i = next++ & (POOL - 1);
        return thirtyRules.score(leads[i], histories.get(i), AS_OF);
    }

    @Benchmark
    public Score scoreWithDefaultCriteria() {
        int i = next++ & (POOL - 1);
        return defaults.score(leads[i], histories.get(i), AS_OF);
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static LeadSnapshot randomLead(Random random) {
        return LeadSnapshot.builder()
                .emailDomain(pick(random, DOMAINS)).companyDomain(pick(random, DOMAINS)).companyName("Company")
                .annualRevenue(BigDecimal.valueOf(random.nextLong(100_000_000L)))
                .employeeCount(random.nextInt(5_000)).industry(pick(random, INDUSTRIES))
                .jobTitle(pick(random, TITLES)).seniority(pick(random, Seniority.values()))
                .country(pick(random, COUNTRIES)).source(pick(random, LeadSource.values()))
                .budgetStatus(pick(random, BudgetStatus.values())).budgetAmount(BigDecimal.valueOf(random.nextInt(200_000)))
                .authority(pick(random, Authority.values())).need(pick(random, Need.values()))
                .timeline(pick(random, Timeline.values()))
                .customAttribute("plan", random.nextBoolean() ? "enterprise" : "starter")
                .customAttribute("doNotContact", random.nextInt(50) == 0)
                .createdAt(AS_OF.minusSeconds(random.nextInt(200 * 86_400)))
                .build();
    }

    private static List<ActivityFact> randomHistory(Random random) {
        int count = 5 + random.nextInt(16);
        List<ActivityFact> history = new ArrayList<>(count);
        for (int a = 0; a < count; a++) {
            FunnelStage stage = random.nextInt(4) == 0 ? null : pick(random, FunnelStage.values());
            history.add(new ActivityFact(pick(random, ActivityType.values()), stage, null,
                    AS_OF.minusSeconds(random.nextInt(120 * 86_400))));
        }
        return List.copyOf(history);
    }
}
