package io.leadproof.bench.evidence;

import io.leadproof.evidence.backtest.Backtest;
import io.leadproof.evidence.backtest.BacktestLead;
import io.leadproof.evidence.backtest.BacktestOptions;
import io.leadproof.evidence.backtest.BacktestResult;
import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.evidence.core.ReferenceMoment;
import io.leadproof.evidence.core.SignalCounts;
import io.leadproof.evidence.core.SignalOptions;
import io.leadproof.evidence.core.SignalResult;
import io.leadproof.evidence.core.SignalStatistics;
import io.leadproof.evidence.core.SignalTally;
import io.leadproof.evidence.core.Verdict;
import io.leadproof.evidence.core.Wording;
import io.leadproof.scoring.engine.CompiledCriteria;
import io.leadproof.scoring.engine.CriteriaVersionSpec;
import io.leadproof.scoring.engine.DefaultCriteria;
import io.leadproof.scoring.engine.ScoringEngine;
import io.leadproof.scoring.engine.Thresholds;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Wall and CPU time of the evidence cores on one thread, with the heap in use after a GC before and
 * after, to show that the backtest streams. Data come from {@link Leads} (seeded).
 */
public final class EvidenceBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int backtestLeads = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int analysisLeads = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        CriteriaVersionSpec active = DefaultCriteria.spec("active");
        CompiledCriteria baseline = ScoringEngine.compile(active);
        CompiledCriteria looser = ScoringEngine.compile(new CriteriaVersionSpec("looser", active.rules(),
                Thresholds.mql(active.thresholds().mql() - 10)));
        Leads leads = new Leads(42);
        backtest(leads, looser, baseline, 200_000, "warm-up");
        backtest(leads, looser, baseline, backtestLeads, "measured");
        List<ReferenceLead> cohort = leads.referenceLeads(analysisLeads);
        analyse(cohort, "warm-up");
        analyse(cohort, "measured");
    }

    private static void backtest(Leads leads, CompiledCriteria tested, CompiledCriteria baseline, int n, String label) {
        long heapBefore = usedHeapAfterGc();
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        Backtest run = Backtest.start(tested, baseline, BacktestOptions.over(Duration.ofDays(180)));
        for (int i = 0; i < n; i++) {
            BacktestLead lead = leads.backtestLead(i);
            run.accept(lead);
        }
        BacktestResult result = run.finish();
        double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
        double wallSeconds = (System.nanoTime() - wall) / 1e9;
        long heapAfter = usedHeapAfterGc();
        System.out.printf(Locale.ROOT, "backtest %s: %,d leads, %.2f s wall, %.2f s CPU (%,.0f leads/s), heap %d → %d MB;"
                        + " MQLs %,d → %,d, newly qualified %,d, precision %.3f → %.3f%n", label, n, wallSeconds, cpuSeconds,
                n / cpuSeconds, heapBefore >> 20, heapAfter >> 20, result.baseline().wouldBeMqls(),
                result.tested().wouldBeMqls(), result.newlyQualified().size(), result.baseline().precision(),
                result.tested().precision());
    }

    private static void analyse(List<ReferenceLead> cohort, String label) {
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        SignalTally tally = new SignalTally(SignalOptions.defaults());
        for (ReferenceLead lead : cohort) {
            tally.add(lead, lead.outcome().isWon());
        }
        SignalCounts counts = tally.counts();
        double countSeconds = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
        List<SignalResult> results = SignalStatistics.analyse(counts,
                new Wording("won deals", "other decided deals", ReferenceMoment.atHandoff()));
        double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
        double wallSeconds = (System.nanoTime() - wall) / 1e9;
        System.out.printf(Locale.ROOT, "signal analysis %s: %,d leads (%,d vs %,d), %d candidate signals (%d STRONG);"
                        + " counting %.2f s CPU, statistics %.2f s CPU, total %.2f s wall%n", label, cohort.size(),
                counts.nA(), counts.nB(), results.size(), results.stream().filter(r -> r.verdict() == Verdict.STRONG).count(),
                countSeconds, cpuSeconds - countSeconds, wallSeconds);
    }

    private static long usedHeapAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
