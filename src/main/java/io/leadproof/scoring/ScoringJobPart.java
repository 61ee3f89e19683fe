package io.leadproof.scoring;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.leadproof.common.WorkspaceOwned;

/** One range of lead ids of a rescoring job, with its own cursor: parts are scored in parallel. */
@Entity
@Table(name = "scoring_job_part")
@IdClass(ScoringJobPart.Key.class)
public class ScoringJobPart extends WorkspaceOwned {

    public static class Key implements Serializable {
        UUID jobId;
        int part;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.part == part && Objects.equals(k.jobId, jobId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(jobId, part);
        }
    }

    @Id
    @Column(name = "job_id")
    private UUID jobId;
    @Id
    private int part;
    @Column(name = "lower_bound")
    private UUID lowerBound;
    @Column(name = "upper_bound")
    private UUID upperBound;
    @Column(name = "last_lead_id")
    private UUID lastLeadId;
    private int processed;
    private boolean done;

    protected ScoringJobPart() {
    }

    /** The parts of a job, part i from {@code lowerBounds[i]} up to the next bound ({@link io.leadproof.lead.LeadIdCuts}). */
    static List<ScoringJobPart> split(UUID jobId, List<UUID> lowerBounds) {
        var parts = new ArrayList<ScoringJobPart>();
        for (int i = 0; i < lowerBounds.size(); i++) {
            var p = new ScoringJobPart();
            p.jobId = jobId;
            p.part = i;
            p.lowerBound = lowerBounds.get(i);
            p.upperBound = i == lowerBounds.size() - 1 ? null : lowerBounds.get(i + 1);
            parts.add(p);
        }
        return parts;
    }

    void advance(int scored, UUID lastLead) {
        processed += scored;
        lastLeadId = lastLead;
    }

    void finish() {
        done = true;
    }

    public int part() { return part; }
    public UUID lowerBound() { return lowerBound; }
    public UUID upperBound() { return upperBound; }
    public UUID lastLeadId() { return lastLeadId; }
    public int processed() { return processed; }
    public boolean done() { return done; }
}
