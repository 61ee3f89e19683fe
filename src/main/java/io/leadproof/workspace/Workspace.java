package io.leadproof.workspace;

import java.time.Instant;
import java.util.Currency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The tenant root: one per Keycloak organization. Its id is the organization alias. */
@Entity
@Table(name = "workspace")
public class Workspace extends PanacheEntityBase {

    @Id
    @Column(name = "workspace_id")
    private String id;
    private String name;
    @Column(name = "reporting_currency")
    private String reportingCurrency;
    @Column(name = "sla_hours")
    private int slaHours;
    @Column(name = "created_at")
    private Instant createdAt;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "handoff_mode")
    private HandoffMode handoffMode;

    protected Workspace() {
    }

    public void rename(String newName) {
        this.name = newName;
    }

    /** Costs and revenue are reported in one currency; changing it is refused once money was recorded. */
    public void reportIn(Currency currency) {
        this.reportingCurrency = currency.getCurrencyCode();
    }

    public void setResponseSla(int hours) {
        this.slaHours = hours;
    }

    public void handOff(HandoffMode mode) {
        this.handoffMode = mode;
    }

    public boolean handsOffAutomatically() {
        return handoffMode == HandoffMode.AUTOMATIC;
    }

    public HandoffMode handoffMode() {
        return handoffMode;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String reportingCurrency() {
        return reportingCurrency;
    }

    public int slaHours() {
        return slaHours;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
