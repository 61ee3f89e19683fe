package io.leadproof.criteria.read;

import java.util.Map;

import io.leadproof.common.NodeId;

/**
 * The fields of a criteria version ({@code v}) and of a rule ({@code r}, an element of the version's rules document as
 * RulesJson writes it) that the compiled {@code criteriaVersion} answers, rendered as the API renders them.
 */
final class VersionReadFields {

    private VersionReadFields() {
    }

    static final Map<String, String> VERSION = Map.ofEntries(
            Map.entry("id", NodeId.sql("CriteriaVersion", "v.id")),
            Map.entry("modelId", NodeId.sql("CriteriaModel", "v.model_id")),
            Map.entry("number", "v.number"),
            Map.entry("status", "v.status"),
            Map.entry("mqlThreshold", "v.mql_threshold"),
            Map.entry("minFit", "v.min_fit"),
            Map.entry("minEngagement", "v.min_engagement"),
            Map.entry("basedOnVersionId", NodeId.sql("CriteriaVersion", "v.based_on_id")),
            Map.entry("createdAt", "api_datetime(v.created_at)"),
            Map.entry("createdBy", "v.created_by"),
            Map.entry("publishedAt", "api_datetime(v.published_at)"),
            Map.entry("publishedBy", "v.published_by"),
            Map.entry("retiredAt", "api_datetime(v.retired_at)"));

    static final Map<String, String> RULE = Map.ofEntries(
            Map.entry("key", "r->>'key'"),
            Map.entry("label", "r->>'label'"),
            Map.entry("kind", "r->>'kind'"),
            Map.entry("field", "r->>'field'"),
            Map.entry("customKey", "r->>'customKey'"),
            Map.entry("operator", "r->>'operator'"),
            Map.entry("values", "nullif(r->'values', 'null'::jsonb)"),
            Map.entry("points", "(r->>'points')::int"),
            Map.entry("activityType", "r->>'activityType'"),
            Map.entry("funnelStage", "r->>'funnelStage'"),
            Map.entry("contentTag", "r->>'contentTag'"),
            Map.entry("windowDays", "(r->>'windowDays')::int"),
            Map.entry("pointsPerOccurrence", "(r->>'pointsPerOccurrence')::int"),
            Map.entry("cap", "(r->>'cap')::int"),
            Map.entry("halfLifeDays", "nullif(r->'halfLifeDays', 'null'::jsonb)"));

    static final String RULES = "coalesce((select json_agg(%s order by x.n) from jsonb_array_elements(v.rules) with ordinality x(r, n)),"
            + " '[]'::json)";
}
