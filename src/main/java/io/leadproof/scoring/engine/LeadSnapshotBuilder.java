package io.leadproof.scoring.engine;

import io.leadproof.lead.Authority;
import io.leadproof.lead.BudgetStatus;
import io.leadproof.lead.LeadSource;
import io.leadproof.lead.Need;
import io.leadproof.lead.Seniority;
import io.leadproof.lead.Timeline;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Fluent construction of a {@link LeadSnapshot}; unset attributes stay null (unknown). */
public final class LeadSnapshotBuilder {
    private String emailDomain;
    private String companyDomain;
    private String companyName;
    private BigDecimal annualRevenue;
    private Integer employeeCount;
    private String industry;
    private String jobTitle;
    private Seniority seniority;
    private String country;
    private LeadSource source;
    private BudgetStatus budgetStatus;
    private BigDecimal budgetAmount;
    private Authority authority;
    private Need need;
    private Timeline timeline;
    private final Map<String, Object> customAttributes = new LinkedHashMap<>();
    private Instant createdAt;
    private QualityFacts quality;

    LeadSnapshotBuilder() {
    }

    public LeadSnapshotBuilder emailDomain(String value) { this.emailDomain = value; return this; }
    public LeadSnapshotBuilder companyDomain(String value) { this.companyDomain = value; return this; }
    public LeadSnapshotBuilder companyName(String value) { this.companyName = value; return this; }
    public LeadSnapshotBuilder annualRevenue(BigDecimal value) { this.annualRevenue = value; return this; }
    public LeadSnapshotBuilder employeeCount(Integer value) { this.employeeCount = value; return this; }
    public LeadSnapshotBuilder industry(String value) { this.industry = value; return this; }
    public LeadSnapshotBuilder jobTitle(String value) { this.jobTitle = value; return this; }
    public LeadSnapshotBuilder seniority(Seniority value) { this.seniority = value; return this; }
    public LeadSnapshotBuilder country(String value) { this.country = value; return this; }
    public LeadSnapshotBuilder source(LeadSource value) { this.source = value; return this; }
    public LeadSnapshotBuilder budgetStatus(BudgetStatus value) { this.budgetStatus = value; return this; }
    public LeadSnapshotBuilder budgetAmount(BigDecimal value) { this.budgetAmount = value; return this; }
    public LeadSnapshotBuilder authority(Authority value) { this.authority = value; return this; }
    public LeadSnapshotBuilder need(Need value) { this.need = value; return this; }
    public LeadSnapshotBuilder timeline(Timeline value) { this.timeline = value; return this; }
    public LeadSnapshotBuilder createdAt(Instant value) { this.createdAt = value; return this; }
    public LeadSnapshotBuilder quality(QualityFacts value) { this.quality = value; return this; }

    public LeadSnapshotBuilder customAttribute(String key, Object value) {
        customAttributes.put(key, value);
        return this;
    }

    public LeadSnapshotBuilder customAttributes(Map<String, ?> values) {
        customAttributes.putAll(values);
        return this;
    }

    public LeadSnapshot build() {
        return new LeadSnapshot(emailDomain, companyDomain, companyName, annualRevenue, employeeCount,
                industry, jobTitle, seniority, country, source, budgetStatus, budgetAmount, authority,
                need, timeline, customAttributes, createdAt, quality);
    }
}
