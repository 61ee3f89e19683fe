package io.leadproof.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.leadproof.common.WorkspaceOwned;

/** One dated amount spent on a campaign; metrics count it in the window its date falls in. */
@Entity
@Table(name = "campaign_cost")
public class CampaignCost extends WorkspaceOwned {

    @Id
    private UUID id;
    @Column(name = "campaign_id")
    private UUID campaignId;
    @Column(name = "incurred_on")
    private LocalDate incurredOn;
    private BigDecimal amount;
    private String currency;
    private String note;
    @Column(name = "recorded_at")
    private Instant recordedAt;
    @Column(name = "recorded_by")
    private String recordedBy;

    protected CampaignCost() {
    }

    static CampaignCost incur(UUID campaignId, LocalDate incurredOn, BigDecimal amount, String currency, String note,
            String actor, Instant now) {
        var c = new CampaignCost();
        c.id = UUID.randomUUID();
        c.campaignId = campaignId;
        c.incurredOn = incurredOn;
        c.amount = amount;
        c.currency = currency;
        c.note = note;
        c.recordedBy = actor;
        c.recordedAt = now;
        return c;
    }

    public UUID id() { return id; }
    public UUID campaignId() { return campaignId; }
    public LocalDate incurredOn() { return incurredOn; }
    public BigDecimal amount() { return amount; }
    public String currency() { return currency; }
    public String note() { return note; }
    public Instant recordedAt() { return recordedAt; }
    public String recordedBy() { return recordedBy; }
}
