package io.leadproof.handoff.read;

import java.util.List;
import java.util.Map;

import io.leadproof.common.NodeId;

/**
 * The fields of a handoff the compiled {@code myHandoffs} answers, as SQL over the row {@code h} (the columns the
 * general path's {@code HandoffView.of} reads, rendered as the API renders them). A field not named here — the rejection,
 * the won amount, the assignee, the events — makes the request take the general path.
 */
final class HandoffReadFields {

    private HandoffReadFields() {
    }

    static final Map<String, String> HANDOFF = Map.ofEntries(
            Map.entry("id", NodeId.sql("Handoff", "h.id")),
            Map.entry("leadId", NodeId.sql("Lead", "h.lead_id")),
            Map.entry("state", "h.state"),
            Map.entry("owner", "h.owner"),
            Map.entry("createdAt", "api_datetime(h.created_at)"),
            Map.entry("createdBy", "h.created_by"),
            Map.entry("dueAt", "api_datetime(h.due_at)"),
            Map.entry("firstResponseAt", "api_datetime(h.first_response_at)"),
            Map.entry("acceptedAt", "api_datetime(h.accepted_at)"),
            Map.entry("opportunityAt", "api_datetime(h.opportunity_at)"),
            Map.entry("opportunityName", "h.opportunity_name"),
            Map.entry("closedAt", "api_datetime(h.closed_at)"),
            Map.entry("lostReason", "h.lost_reason"),
            Map.entry("imported", "h.imported"),
            Map.entry("externalDealId", "h.external_deal_id"));

    /** The SLA flag by its one rule (R__handoff_sla.sql), as of the instant bound at the ? it contains. */
    static final String OVERDUE = "handoff_sla_breached(h.due_at, handoff_responded_at(h.first_response_at, h.accepted_at, h.rejected_at),"
            + " ?::timestamptz)";

    /** The queue filter "still waiting for a first response past the due time", as of the bound instant. */
    static final String WAITING_PAST_DUE = "(handoff_responded_at(h.first_response_at, h.accepted_at, h.rejected_at) is null and "
            + OVERDUE + " = true)";

    static final Map<String, String> EVIDENCE = Map.of(
            "versionId", NodeId.sql("CriteriaVersion", "h.version_id"),
            "total", "h.score_total",
            "fit", "h.score_fit",
            "engagement", "h.score_engagement");

    /** The frozen contributions as ScoreContribution renders them (R__api_read_documents.sql), and its fields in order. */
    static final String CONTRIBUTIONS = "coalesce(h.api_contributions, api_contributions(h.contributions))";
    static final List<String> CONTRIBUTION_FIELDS = List.of("ruleKey", "ruleLabel", "kind", "points", "evidence");

    /** The frozen lead attributes as Attribute renders them, by key in Java's string order (Attributes.render). */
    static final String ATTRIBUTES = "coalesce(h.api_lead_attributes, api_lead_attributes(h.lead_snapshot))";
    static final List<String> ATTRIBUTE_FIELDS = List.of("key", "value");

    static final String LEAD = "(select %s from lead l where l.workspace_id = h.workspace_id and l.id = h.lead_id)";
}
