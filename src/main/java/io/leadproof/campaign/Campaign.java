package io.leadproof.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.leadproof.common.WorkspaceOwned;
import io.leadproof.lead.LeadSource;

/** A marketing campaign whose spend is recorded as dated cost entries. */
@Entity
@Table(name = "campaign")
public class Campaign extends WorkspaceOwned {

    @Id
    private UUID id;
    private String name;
    @Enumerated(EnumType.STRING)
    private LeadSource channel;
    @Column(name = "starts_on")
    private LocalDate startsOn;
    @Column(name = "ends_on")
    private LocalDate endsOn;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Campaign() {
    }

    public static Campaign launch(String name, LeadSource channel, LocalDate startsOn, LocalDate endsOn, Instant now) {
        var c = new Campaign();
        c.id = UUID.randomUUID();
        c.name = name;
        c.channel = channel;
        c.startsOn = startsOn;
        c.endsOn = endsOn;
        c.createdAt = now;
        return c;
    }

    /** Spend is recorded against the campaign, in the workspace's reporting currency. */
    public CampaignCost recordCost(LocalDate incurredOn, java.math.BigDecimal amount, String currency, String note,
            String actor, Instant now) {
        return CampaignCost.incur(id, incurredOn, amount, currency, note, actor, now);
    }

    public UUID id() { return id; }
    public String name() { return name; }
    public LeadSource channel() { return channel; }
    public LocalDate startsOn() { return startsOn; }
    public LocalDate endsOn() { return endsOn; }
    public Instant createdAt() { return createdAt; }
}
