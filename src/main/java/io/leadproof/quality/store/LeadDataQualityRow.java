package io.leadproof.quality.store;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.leadproof.common.WorkspaceOwned;

/** The stored verdict of one lead (lead_data_quality), mapped read-only for queries that filter leads by it. */
@Entity
@Table(name = "lead_data_quality")
@org.hibernate.annotations.Immutable
public class LeadDataQualityRow extends WorkspaceOwned {

    @Id
    @Column(name = "lead_id")
    private UUID leadId;
    private String status;

    protected LeadDataQualityRow() {
    }

    public UUID leadId() {
        return leadId;
    }

    public String status() {
        return status;
    }
}
