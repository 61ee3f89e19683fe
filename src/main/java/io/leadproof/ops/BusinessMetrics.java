package io.leadproof.ops;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.leadproof.feedback.RejectionCategory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;

/**
 * The business and job metrics of docs/observability.md, under exactly the names the alerts and the dashboard of
 * k8s/ use. Every meter is registered at startup, so its series exist (at zero) before the first event. What happens
 * inside a transaction is counted only once that transaction has committed: a rolled-back handoff was never created.
 * No workspace label anywhere: workspaces are unbounded, and per-workspace numbers are the GraphQL metrics API's job.
 */
@Startup
@Singleton
public class BusinessMetrics {

    /** Background job kinds, the {@code kind} label. */
    public enum JobKind {
        RESCORING, DECAY, BACKTEST, IMPORT;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What became of one row of a lead or activity import, the {@code outcome} label. */
    public enum ImportOutcome {
        IMPORTED, REJECTED, DUPLICATE
    }

    /** Job durations from a second to a day; the slow-jobs alert looks at 10 minutes. */
    static final Duration[] JOB_BUCKETS = { Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10),
            Duration.ofMinutes(20), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3), Duration.ofDays(1) };

    @Inject
    MeterRegistry registry;
    @Inject
    TransactionSynchronizationRegistry transactions;

    private Counter handoffsCreated;
    private Counter slaBreaches;
    private Counter throttled;
    private final Map<RejectionCategory, Counter> rejections = new EnumMap<>(RejectionCategory.class);
    private final Map<ImportOutcome, Counter> importRows = new EnumMap<>(ImportOutcome.class);
    private final Map<JobKind, Timer> jobDurations = new EnumMap<>(JobKind.class);
    private final Map<JobKind, AtomicLong> backlogs = new EnumMap<>(JobKind.class);

    @PostConstruct
    void register() {
        handoffsCreated = Counter.builder("leadproof.handoffs.created")
                .description("Handoffs created, manual and automatic").register(registry);
        slaBreaches = Counter.builder("leadproof.sla.breaches")
                .description("Handoffs that passed their due time without a first response, counted once each").register(registry);
        throttled = Counter.builder("leadproof.requests.throttled")
                .description("GraphQL requests refused by the cost budget").register(registry);
        for (RejectionCategory category : RejectionCategory.values()) {
            rejections.put(category, Counter.builder("leadproof.rejections").tag("category", category.name())
                    .description("Handoffs rejected by sales, by rejection category").register(registry));
        }
        for (ImportOutcome outcome : ImportOutcome.values()) {
            importRows.put(outcome, Counter.builder("leadproof.import.rows").tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .description("Rows of lead and activity imports, by outcome").register(registry));
        }
        for (JobKind kind : JobKind.values()) {
            jobDurations.put(kind, Timer.builder("leadproof.job.duration").tag("kind", kind.label())
                    .description("Wall time of a finished background job").serviceLevelObjectives(JOB_BUCKETS).register(registry));
        }
    }

    public void handoffsCreated(int count) {
        afterCommit(() -> handoffsCreated.increment(count));
    }

    public void rejected(String category) {
        Counter counter = rejections.get(RejectionCategory.valueOf(category));
        afterCommit(counter::increment);
    }

    public void throttled() {
        throttled.increment();
    }

    /** Breaches found by {@link SlaBreaches}, which commits its count before it reports it. */
    void slaBreaches(long count) {
        slaBreaches.increment(count);
    }

    /** For the lead and activity imports (CSV): rows by outcome. */
    public void importRows(ImportOutcome outcome, long count) {
        afterCommit(() -> importRows.get(outcome).increment(count));
    }

    public void jobFinished(JobKind kind, Duration took) {
        afterCommit(() -> jobDurations.get(kind).record(took.isNegative() ? Duration.ZERO : took));
    }

    /** The gauge of a job kind whose queue exists; registered on first use by {@link JobBacklog}. */
    AtomicLong backlog(JobKind kind) {
        return backlogs.computeIfAbsent(kind, k -> {
            var value = new AtomicLong();
            Gauge.builder("leadproof.job.backlog", value, AtomicLong::get).tag("kind", k.label())
                    .description("Jobs queued or running and not finished, across workspaces").register(registry);
            return value;
        });
    }

    private void afterCommit(Runnable count) {
        if (transactions.getTransactionKey() == null) {
            count.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    count.run();
                }
            }
        });
    }
}
