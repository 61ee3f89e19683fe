package io.leadproof.evidence.api;

import java.util.AbstractList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.leadproof.common.Cursors;
import io.leadproof.evidence.core.ReferenceLead;

/**
 * The deals of a group known by lead id (most recent first), read a block of {@link Cursors#MAX_PAGE} at a time when a
 * page asks for them: a whole group of a large cohort is counted in the database and never read into the JVM, nor
 * copied into a kept job answer ({@link #ids()}).
 */
public final class DealList extends AbstractList<ReferenceLead> {
    private final List<UUID> ids;
    private final Function<List<UUID>, List<ReferenceLead>> load;
    private int loadedFrom = -1;
    private List<ReferenceLead> loaded = List.of();

    /** @param load lead ids in, the same leads (as of the analysis) out, in that order */
    public DealList(List<UUID> ids, Function<List<UUID>, List<ReferenceLead>> load) {
        this.ids = List.copyOf(ids);
        this.load = load;
    }

    public List<UUID> ids() {
        return ids;
    }

    @Override
    public ReferenceLead get(int index) {
        if (loadedFrom < 0 || index < loadedFrom || index >= loadedFrom + loaded.size()) {
            var block = ids.subList(index, Math.min(ids.size(), index + Cursors.MAX_PAGE));
            var read = load.apply(block);
            if (read.size() != block.size()) {
                throw new IllegalStateException("a deal of the analysis can no longer be read");
            }
            loadedFrom = index;
            loaded = read;
        }
        return loaded.get(index - loadedFrom);
    }

    @Override
    public int size() {
        return ids.size();
    }
}
