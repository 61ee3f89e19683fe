package io.leadproof.evidence.analysisjob;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.AbstractList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.leadproof.common.Cursors;
import io.leadproof.common.Json;
import io.leadproof.evidence.api.AnalysisTypes;
import io.leadproof.evidence.api.SignalTypes;
import io.leadproof.evidence.core.ReferenceLead;

/**
 * The kept answer of a job: the analysis as signalAnalysis gives it, with the deals of both groups by lead id (most
 * recent first). The deals' early signals are read again page by page, as of the job's asOf, when a page is asked for:
 * a million-lead cohort's deals are not copied into the job's row.
 */
record StoredAnalysis(OffsetDateTime from, OffsetDateTime to, String referenceMoment, AnalysisTypes.GroupView groupA,
        AnalysisTypes.GroupView groupB, int candidates, List<SignalTypes.SignalView> signals, List<UUID> dealsA,
        List<UUID> dealsB, long firstCallWindowSeconds) {

    static StoredAnalysis of(AnalysisTypes.AnalysisView view) {
        return new StoredAnalysis(view.from(), view.to(), view.referenceMoment(), view.groupA(), view.groupB(), view.candidates(),
                view.signals(), ids(view.dealsA()), ids(view.dealsB()), view.firstCallWindow().toSeconds());
    }

    private static List<UUID> ids(List<ReferenceLead> deals) {
        return deals instanceof io.leadproof.evidence.api.DealList known ? known.ids()
                : deals.stream().map(ReferenceLead::leadId).toList();
    }

    String toJson() {
        try {
            return Json.MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an analysis is plain data", e);
        }
    }

    static StoredAnalysis fromJson(String json) {
        try {
            return Json.MAPPER.readValue(json, StoredAnalysis.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable kept analysis", e);
        }
    }

    /** The analysis, its deals read by {@code load} (lead ids in, the same leads as of the job out) a page at a time. */
    AnalysisTypes.AnalysisView view(Function<List<UUID>, List<ReferenceLead>> load) {
        return new AnalysisTypes.AnalysisView(from, to, referenceMoment, groupA, groupB, candidates, signals,
                new Paged(dealsA, load), new Paged(dealsB, load), Duration.ofSeconds(firstCallWindowSeconds));
    }

    /** A list of deals that reads the block of {@link Cursors#MAX_PAGE} around the first one asked for. */
    private static final class Paged extends AbstractList<ReferenceLead> {
        private final List<UUID> ids;
        private final Function<List<UUID>, List<ReferenceLead>> load;
        private int loadedFrom = -1;
        private List<ReferenceLead> loaded = List.of();

        Paged(List<UUID> ids, Function<List<UUID>, List<ReferenceLead>> load) {
            this.ids = ids;
            this.load = load;
        }

        @Override
        public ReferenceLead get(int index) {
            if (loadedFrom < 0 || index < loadedFrom || index >= loadedFrom + loaded.size()) {
                loadedFrom = index;
                var block = ids.subList(index, Math.min(ids.size(), index + Cursors.MAX_PAGE));
                var read = load.apply(block);
                if (read.size() != block.size()) {
                    throw new IllegalStateException("a deal of the kept analysis can no longer be read");
                }
                loaded = read;
            }
            return loaded.get(index - loadedFrom);
        }

        @Override
        public int size() {
            return ids.size();
        }
    }
}
