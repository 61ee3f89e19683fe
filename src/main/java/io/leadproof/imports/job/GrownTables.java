package io.leadproof.imports.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Keeps the planner's statistics up with an import (R__bulk_write_statistics.sql says why): after a committed batch,
 * the tables the lead write grows are analyzed once they changed by more than their statistics counted, so that the
 * connections' cached plans stay index lookups by id instead of scans of the workspace's leads.
 */
@ApplicationScoped
class GrownTables {

    @Inject
    EntityManager em;

    /** @return the number of tables analyzed (0 when another writer is at it or none grew enough) */
    int analyze() {
        return ((Number) em.createNativeQuery("select bulk_write_analyze()").getSingleResult()).intValue();
    }
}
