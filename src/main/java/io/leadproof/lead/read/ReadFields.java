package io.leadproof.lead.read;

import java.util.Map;

import io.leadproof.common.NodeId;

/**
 * The fields a compiled read can answer, per GraphQL type: the SQL expression of each plain field (a column of the
 * row, rendered as the API renders it) and the nested reads. A field not named here makes the request take the general
 * path. Table aliases: {@code l} lead, {@code c} campaign, {@code s} lead_score (of the served version), {@code h} handoff.
 */
public final class ReadFields {

    private ReadFields() {
    }

    public static final Map<String, String> LEAD = Map.ofEntries(
            Map.entry("id", NodeId.sql("Lead", "l.id")),
            Map.entry("externalId", "l.external_id"),
            Map.entry("email", "l.email"),
            Map.entry("firstName", "l.first_name"),
            Map.entry("lastName", "l.last_name"),
            Map.entry("phone", "l.phone"),
            Map.entry("companyName", "l.company_name"),
            Map.entry("companyDomain", "l.company_domain"),
            Map.entry("employeeCount", "l.employee_count"),
            Map.entry("industry", "l.industry"),
            Map.entry("jobTitle", "l.job_title"),
            Map.entry("seniority", "l.seniority"),
            Map.entry("country", "l.country"),
            Map.entry("source", "l.source"),
            Map.entry("budgetStatus", "l.budget_status"),
            Map.entry("authority", "l.authority"),
            Map.entry("need", "l.need"),
            Map.entry("timeline", "l.timeline"),
            Map.entry("lifecycleStage", "l.lifecycle_stage"),
            Map.entry("ownerId", "l.owner_id"),
            Map.entry("createdAt", "api_datetime(l.created_at)"),
            Map.entry("updatedAt", "api_datetime(l.updated_at)"));

    static final Map<String, String> CAMPAIGN = Map.of(
            "id", NodeId.sql("Campaign", "c.id"),
            "name", "c.name",
            "channel", "c.channel",
            "startsOn", "c.starts_on",
            "endsOn", "c.ends_on",
            "createdAt", "api_datetime(c.created_at)");

    static final Map<String, String> SCORE = Map.of(
            "id", NodeId.sql("LeadScore", "s.lead_id || '/' || s.version_id"),
            "total", "s.total",
            "fit", "s.fit",
            "engagement", "s.engagement",
            "qualified", "s.qualified",
            "versionId", NodeId.sql("CriteriaVersion", "s.version_id"),
            "asOf", "api_datetime(s.as_of)");

    static final Map<String, String> HANDOFF = Map.of(
            "id", NodeId.sql("Handoff", "h.id"),
            "leadId", NodeId.sql("Lead", "h.lead_id"),
            "state", "h.state",
            "owner", "h.owner",
            "createdAt", "api_datetime(h.created_at)",
            "createdBy", "h.created_by",
            "dueAt", "api_datetime(h.due_at)",
            "firstResponseAt", "api_datetime(h.first_response_at)",
            "acceptedAt", "api_datetime(h.accepted_at)");

    /**
     * The to-one reads of a lead, joined to its row ({@link LeadJoins}): at most one row each (their primary keys). The
     * score is of the version {@code served_version} names (R__api_read_json.sql, the rule's one home), looked up once
     * per statement (the {@code ?} is the workspace); then each score is one primary-key read.
     */
    static final String CAMPAIGN_JOIN = " left join campaign c on c.workspace_id = l.workspace_id and c.id = l.campaign_id";
    static final String SCORE_JOIN = " left join lead_score s on s.workspace_id = l.workspace_id and s.lead_id = l.id"
            + " and s.version_id = (select v from served_version(?, null) v)";
    /** The JSON of a joined read: null when the lead has no such row (a key column of the joined table is null). */
    static final String CAMPAIGN_JSON = "case when c.id is not null then %s end";
    static final String SCORE_JSON = "case when s.lead_id is not null then %s end";
    /** The lead's handoffs, a list: a subquery correlated to {@code l}. */
    static final String HANDOFF_FROM = " from handoff h where h.workspace_id = l.workspace_id and h.lead_id = l.id";
    static final String HANDOFF_ORDER = "h.created_at, h.id";
}
