package io.leadproof.imports.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Keeps the planner's statistics up with an import (R__bulk_write_statistics.sql says why): after a committed batch,
 * the tables the lead write grows are analyzed once they changed by more than {@link #MIN_ROWS} plus {@link #GROWTH}
 * times the rows their statistics counted (while those are fewer than {@link #MAX_ROWS}), so that the connections'
 * cached plans stay index lookups by id instead of scans of the workspace's leads.
 */
@ApplicationScoped
class GrownTables {

    /** the first analyze of a table comes after the first batch of an import into an empty one */
    static final int MIN_ROWS = 500;
    /** about four analyzes of each table over an import into an empty workspace */
    static final float GROWTH = 3;
    /** tables whose statistics count more rows are autovacuum's: they plan right, and an analyze costs up to 1 s */
    static final float MAX_ROWS = 100_000;

    @Inject
    EntityManager em;

    /** @return the number of tables analyzed (0 when another writer is at it or none grew enough) */
    int analyze() {
        return analyze(MIN_ROWS, GROWTH, MAX_ROWS);
    }

    int analyze(int minRows, float growth, float maxRows) {
        return ((Number) em.createNativeQuery("select bulk_write_analyze(?1, ?2, ?3)").setParameter(1, minRows)
                .setParameter(2, growth).setParameter(3, maxRows).getSingleResult()).intValue();
    }
}
