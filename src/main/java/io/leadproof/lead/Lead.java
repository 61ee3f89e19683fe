package io.leadproof.lead;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.leadproof.common.TimeOrderedIds;
import io.leadproof.common.WorkspaceOwned;

/**
 * A person who showed interest, with the company, BANT facts and lifecycle stage marketing and sales argue about. Its
 * stage moves by {@link LifecycleMove}, applied in batches by {@link LeadLifecycle}.
 */
@Entity
@Table(name = "lead")
public class Lead extends WorkspaceOwned {

    @Id
    private UUID id;
    @Column(name = "external_id")
    private String externalId;
    private String email;
    @Column(name = "email_normalized")
    private String emailNormalized;
    @Column(name = "first_name")
    private String firstName;
    @Column(name = "last_name")
    private String lastName;
    private String phone;
    @Column(name = "company_name")
    private String companyName;
    @Column(name = "company_domain")
    private String companyDomain;
    @Column(name = "annual_revenue")
    private BigDecimal annualRevenue;
    @Column(name = "employee_count")
    private Integer employeeCount;
    private String industry;
    @Column(name = "job_title")
    private String jobTitle;
    @Enumerated(EnumType.STRING)
    private Seniority seniority = Seniority.UNKNOWN;
    private String country;
    @Enumerated(EnumType.STRING)
    private LeadSource source;
    @Column(name = "campaign_id")
    private UUID campaignId;
    @Enumerated(EnumType.STRING)
    @Column(name = "budget_status")
    private BudgetStatus budgetStatus = BudgetStatus.UNKNOWN;
    @Column(name = "budget_amount")
    private BigDecimal budgetAmount;
    @Enumerated(EnumType.STRING)
    private Authority authority = Authority.UNKNOWN;
    @Enumerated(EnumType.STRING)
    private Need need = Need.UNKNOWN;
    @Enumerated(EnumType.STRING)
    private Timeline timeline = Timeline.UNKNOWN;
    // The stage and what its moves write are LeadLifecycle's: read-only here (LifecycleMove is the table of moves).
    @Enumerated(EnumType.STRING)
    @Column(name = "lifecycle_stage", updatable = false)
    private LifecycleStage lifecycleStage = LifecycleStage.NEW;
    @Column(name = "owner_id")
    private String ownerId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "custom_attributes")
    private Map<String, String> customAttributes = new HashMap<>();
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    /** When the values of the current change became true, when the writer said so; the trait history reads and clears it. */
    @Column(name = "traits_observed_at")
    private Instant traitsObservedAt;
    @Column(name = "erased_at")
    private Instant erasedAt;
    @Column(name = "recycled_at", updatable = false)
    private Instant recycledAt;
    @Column(name = "last_handoff_version_id", updatable = false)
    private UUID lastHandoffVersionId;
    /** leadMerge: the lead this one was merged into; a merged lead is a tombstone, no longer counted, scored or judged. */
    @Column(name = "merged_into")
    private UUID mergedInto;
    @Version
    private long version;

    protected Lead() {
    }

    /** A new lead; createdAt may lie in the past when history is imported from another system. */
    public static Lead capture(LeadProfile profile, Instant createdAt, Instant now) {
        Lead lead = new Lead();
        lead.id = TimeOrderedIds.next();
        lead.createdAt = createdAt;
        lead.revise(profile, now);
        return lead;
    }

    /** Applies the supplied attributes; fields the profile leaves null keep their value. */
    public void revise(LeadProfile p, Instant now) {
        externalId = pick(p.externalId(), externalId);
        if (p.email() != null) {
            email = p.email();
            emailNormalized = p.normalizedEmail();
        }
        firstName = pick(p.firstName(), firstName);
        lastName = pick(p.lastName(), lastName);
        phone = pick(p.phone(), phone);
        companyName = pick(p.companyName(), companyName);
        companyDomain = pick(p.companyDomain(), companyDomain);
        annualRevenue = pick(p.annualRevenue(), annualRevenue);
        employeeCount = pick(p.employeeCount(), employeeCount);
        industry = pick(p.industry(), industry);
        if (p.jobTitle() != null) {
            jobTitle = p.jobTitle();
            seniority = SeniorityClassifier.classify(jobTitle);
        }
        country = pick(p.country(), country);
        source = pick(p.source(), source);
        campaignId = pick(p.campaignId(), campaignId);
        budgetStatus = pick(p.budgetStatus(), budgetStatus);
        budgetAmount = pick(p.budgetAmount(), budgetAmount);
        authority = pick(p.authority(), authority);
        need = pick(p.need(), need);
        timeline = pick(p.timeline(), timeline);
        ownerId = pick(p.ownerId(), ownerId);
        if (p.customAttributes() != null) {
            var merged = new HashMap<>(customAttributes);
            p.customAttributes().forEach((k, v) -> {
                if (v == null) {
                    merged.remove(k);
                } else {
                    merged.put(k, v);
                }
            });
            customAttributes = merged;
        }
        updatedAt = now;
    }

    /**
     * GDPR/CCPA erasure (docs/privacy.md): drops who the person is — identifiers, names, contact data, company
     * identity, job title, custom attributes — and keeps the anonymised facts scores and metrics are made of (ids,
     * timestamps, stage, source, campaign, country, seniority, firmographics, BANT, owner). Without email and
     * external id no upsert can match the lead again: the same person arriving later is a new lead. Idempotent:
     * erasedAt keeps the first erasure.
     */
    public void erase(Instant now) {
        externalId = null;
        email = null;
        emailNormalized = null;
        firstName = null;
        lastName = null;
        phone = null;
        companyName = null;
        companyDomain = null;
        jobTitle = null; // seniority, derived from it, stays
        customAttributes = new HashMap<>();
        if (erasedAt == null) {
            erasedAt = now;
        }
        updatedAt = now;
    }

    /** The values just captured or revised became true at {@code at} (history import); see R__evidence_history_trait_revisions.sql. */
    public void observedAt(Instant at) {
        traitsObservedAt = at;
    }

    /**
     * leadMerge (docs/data-quality.md, "Merging duplicates"): this lead becomes a tombstone naming the survivor. It
     * releases its external id and normalised email, unique per workspace, so the survivor may take them and a later
     * write under them finds the survivor, never the tombstone; everything else stays as the record of what it was.
     */
    public void mergeInto(UUID survivor, Instant now) {
        if (survivor.equals(id)) {
            throw new IllegalArgumentException("a lead cannot be merged into itself");
        }
        if (mergedInto != null) {
            throw new IllegalStateException("lead " + id + " was merged into " + mergedInto + " already");
        }
        mergedInto = survivor;
        externalId = null;
        emailNormalized = null;
        updatedAt = now;
    }

    public UUID mergedInto() {
        return mergedInto;
    }

    public boolean isErased() {
        return erasedAt != null;
    }

    private static <T> T pick(T supplied, T current) {
        return supplied != null ? supplied : current;
    }

    public UUID id() { return id; }
    public String externalId() { return externalId; }
    public String email() { return email; }
    public String emailNormalized() { return emailNormalized; }
    public String firstName() { return firstName; }
    public String lastName() { return lastName; }
    public String phone() { return phone; }
    public String companyName() { return companyName; }
    public String companyDomain() { return companyDomain; }
    public BigDecimal annualRevenue() { return annualRevenue; }
    public Integer employeeCount() { return employeeCount; }
    public String industry() { return industry; }
    public String jobTitle() { return jobTitle; }
    public Seniority seniority() { return seniority; }
    public String country() { return country; }
    public LeadSource source() { return source; }
    public UUID campaignId() { return campaignId; }
    public BudgetStatus budgetStatus() { return budgetStatus; }
    public BigDecimal budgetAmount() { return budgetAmount; }
    public Authority authority() { return authority; }
    public Need need() { return need; }
    public Timeline timeline() { return timeline; }
    public LifecycleStage lifecycleStage() { return lifecycleStage; }
    public String ownerId() { return ownerId; }
    public Map<String, String> customAttributes() { return Map.copyOf(customAttributes); }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant erasedAt() { return erasedAt; }
    public Instant recycledAt() { return recycledAt; }
    public UUID lastHandoffVersionId() { return lastHandoffVersionId; }
    Instant traitsObservedAt() { return traitsObservedAt; }
    long version() { return version; }
}
