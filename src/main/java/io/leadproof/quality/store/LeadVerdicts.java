package io.leadproof.quality.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadproof.quality.DomainLists;
import io.leadproof.quality.LeadQualityChecks;
import io.leadproof.quality.LeadQualityInput;
import io.leadproof.quality.PersonIdentity;
import io.leadproof.quality.QualityReport;

/**
 * The verdict of the pure assessor on each lead a write path stores, kept with the lead (lead_data_quality) so leads
 * can be filtered and counted by it. Field checks only, as {@code Lead.dataQuality} computes them.
 */
@ApplicationScoped
public class LeadVerdicts {

    private final LeadQualityChecks checks = new LeadQualityChecks(DomainLists.bundled());

    public QualityReport assess(PersonIdentity lead, Instant asOf) {
        return checks.assess(LeadQualityInput.fieldsOnly(lead, asOf));
    }

    public void store(Connection c, String workspace, Map<UUID, QualityReport> verdicts, Instant at) throws SQLException {
        StoredVerdicts.write(c, workspace, verdicts, at);
    }
}
