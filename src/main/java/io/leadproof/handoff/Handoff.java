package io.leadproof.handoff;

import io.leadproof.common.UserErrorCode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.leadproof.common.WorkspaceOwned;

/**
 * The marketing→sales contract for one lead: the evidence frozen at handoff, the owner, the SLA,
 * and sales' response. Transitions are domain verbs; each returns the audit events it caused.
 */
@Entity
@Table(name = "handoff")
// A response changes a few columns; a full-row UPDATE also sent the frozen evidence (two JSON documents) back, which the
// server parsed again and compared in the api-documents trigger's condition on every decision.
@DynamicUpdate
public class Handoff extends WorkspaceOwned {

    @Id
    private UUID id;
    @Column(name = "lead_id")
    private UUID leadId;
    @Enumerated(EnumType.STRING)
    private HandoffState state;
    private String owner;
    @Column(name = "version_id")
    private UUID versionId;
    @Column(name = "score_total")
    private int scoreTotal;
    @Column(name = "score_fit")
    private int scoreFit;
    @Column(name = "score_engagement")
    private int scoreEngagement;
    @JdbcTypeCode(SqlTypes.JSON)
    private String contributions;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "lead_snapshot")
    private String leadSnapshot;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "due_at")
    private Instant dueAt;
    @Column(name = "first_response_at")
    private Instant firstResponseAt;
    @Column(name = "accepted_at")
    private Instant acceptedAt;
    @Column(name = "rejected_at")
    private Instant rejectedAt;
    @Column(name = "rejection_code")
    private String rejectionCode;
    @Column(name = "rejection_category")
    private String rejectionCategory;
    @Column(name = "rejection_notes")
    private String rejectionNotes;
    @Enumerated(EnumType.STRING)
    private Disposition disposition;
    @Column(name = "opportunity_at")
    private Instant opportunityAt;
    @Column(name = "opportunity_name")
    private String opportunityName;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "won_amount")
    private BigDecimal wonAmount;
    @Column(name = "won_currency")
    private String wonCurrency;
    @Column(name = "lost_reason")
    private String lostReason;
    private boolean imported;
    @Column(name = "external_deal_id")
    private String externalDealId;
    @Version
    private long version;

    protected Handoff() {
    }

    static Handoff open(UUID leadId, FrozenEvidence evidence, String actor, Instant now, Duration sla) {
        var h = new Handoff();
        h.id = UUID.randomUUID();
        h.leadId = leadId;
        h.state = HandoffState.PENDING;
        h.versionId = evidence.versionId();
        h.scoreTotal = evidence.total();
        h.scoreFit = evidence.fit();
        h.scoreEngagement = evidence.engagement();
        h.contributions = evidence.contributionsJson();
        h.leadSnapshot = evidence.leadSnapshotJson();
        h.createdAt = now;
        h.createdBy = actor;
        h.dueAt = now.plus(sla);
        return h;
    }

    /**
     * A handoff from a CRM's history (dealsImport): created at the stated past moment, owned as stated, never in a
     * queue and without a due time, so it never breaches an SLA.
     */
    static Handoff imported(UUID leadId, FrozenEvidence evidence, String externalDealId, String owner, String actor, Instant at) {
        var h = open(leadId, evidence, actor, at, Duration.ZERO);
        h.dueAt = null;
        h.imported = true;
        h.externalDealId = externalDealId;
        h.owner = owner;
        return h;
    }

    HandoffEvent created() {
        return event(HandoffEventType.CREATED, createdBy, createdAt, null, state, Map.of("score", String.valueOf(scoreTotal)));
    }

    HandoffEvent assignTo(String rep, String actor, Instant now) {
        if (!state.isOpen()) {
            throw new HandoffRuleException(UserErrorCode.INVALID_TRANSITION, "a " + state + " handoff cannot be reassigned");
        }
        String previous = owner;
        owner = rep;
        var type = previous == null ? HandoffEventType.ASSIGNED : HandoffEventType.REASSIGNED;
        return event(type, actor, now, state, state, previous == null ? Map.of("to", rep) : Map.of("from", previous, "to", rep));
    }

    HandoffEvent accept(String actor, Instant now) {
        require("accept", HandoffState.PENDING);
        acceptedAt = now;
        return transition(HandoffEventType.ACCEPTED, actor, now, HandoffState.ACCEPTED, Map.of());
    }

    HandoffEvent reject(String actor, RejectionReasonRef reason, String notes, Disposition outcome, Instant now) {
        require("reject", HandoffState.PENDING, HandoffState.ACCEPTED);
        rejectedAt = now;
        rejectionCode = reason.code();
        rejectionCategory = reason.category();
        rejectionNotes = notes;
        disposition = outcome;
        var details = new java.util.HashMap<String, String>(Map.of("reason", reason.code(), "category", reason.category(),
                "disposition", outcome.name()));
        if (notes != null) {
            details.put("notes", notes);
        }
        return transition(HandoffEventType.REJECTED, actor, now, HandoffState.REJECTED, details);
    }

    HandoffEvent logTouch(String actor, String channel, String note, Instant now) {
        if (!state.isOpen()) {
            throw new HandoffRuleException(UserErrorCode.INVALID_TRANSITION, "touches are logged on open handoffs, this one is " + state);
        }
        respond(now);
        var details = new java.util.HashMap<String, String>(Map.of("channel", channel));
        if (note != null) {
            details.put("note", note);
        }
        return event(HandoffEventType.TOUCH_LOGGED, actor, now, state, state, details);
    }

    HandoffEvent openOpportunity(String actor, String name, Instant now) {
        require("open an opportunity for", HandoffState.ACCEPTED);
        opportunityAt = now;
        opportunityName = name;
        return transition(HandoffEventType.OPPORTUNITY_CREATED, actor, now, HandoffState.OPPORTUNITY, Map.of("name", name));
    }

    HandoffEvent win(String actor, BigDecimal amount, String currency, Instant now) {
        require("win", HandoffState.OPPORTUNITY);
        closedAt = now;
        wonAmount = amount;
        wonCurrency = currency;
        return transition(HandoffEventType.WON, actor, now, HandoffState.WON, Map.of("amount", amount.toPlainString(), "currency", currency));
    }

    HandoffEvent lose(String actor, String reason, Instant now) {
        require("lose", HandoffState.OPPORTUNITY);
        closedAt = now;
        lostReason = reason;
        return transition(HandoffEventType.LOST, actor, now, HandoffState.LOST, Map.of("reason", reason));
    }

    private HandoffEvent transition(HandoffEventType type, String actor, Instant now, HandoffState to, Map<String, String> details) {
        respond(now);
        HandoffState from = state;
        state = to;
        return event(type, actor, now, from, to, details);
    }

    /** The first response (accept, reject or touch) stops the SLA clock. */
    private void respond(Instant now) {
        if (firstResponseAt == null) {
            firstResponseAt = now;
        }
    }

    private void require(String action, HandoffState... allowed) {
        if (!List.of(allowed).contains(state)) {
            throw new HandoffRuleException(UserErrorCode.INVALID_TRANSITION, "cannot " + action + " a handoff that is " + state);
        }
    }

    private HandoffEvent event(HandoffEventType type, String actor, Instant at, HandoffState from, HandoffState to,
            Map<String, String> details) {
        return HandoffEvent.of(id, type, actor, at, from, to, details);
    }

    public UUID id() { return id; }
    public UUID leadId() { return leadId; }
    public HandoffState state() { return state; }
    public String owner() { return owner; }
    public UUID versionId() { return versionId; }
    public int scoreTotal() { return scoreTotal; }
    public int scoreFit() { return scoreFit; }
    public int scoreEngagement() { return scoreEngagement; }
    public String contributionsJson() { return contributions; }
    public String leadSnapshotJson() { return leadSnapshot; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public Instant dueAt() { return dueAt; }
    public Instant firstResponseAt() { return firstResponseAt; }
    public Instant acceptedAt() { return acceptedAt; }
    public Instant rejectedAt() { return rejectedAt; }
    public String rejectionCode() { return rejectionCode; }
    public String rejectionCategory() { return rejectionCategory; }
    public String rejectionNotes() { return rejectionNotes; }
    public Disposition disposition() { return disposition; }
    public Instant opportunityAt() { return opportunityAt; }
    public String opportunityName() { return opportunityName; }
    public Instant closedAt() { return closedAt; }
    public BigDecimal wonAmount() { return wonAmount; }
    public String wonCurrency() { return wonCurrency; }
    public String lostReason() { return lostReason; }
    public boolean imported() { return imported; }
    public String externalDealId() { return externalDealId; }
}
