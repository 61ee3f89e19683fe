package io.leadproof.criteria.read;

import java.util.List;
import java.util.Map;

import io.leadproof.common.NodeId;

/**
 * The fields of a criteria version ({@code v}) that the compiled {@code criteriaVersion} answers, rendered as the API
 * renders them, and its rules' API document.
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

    /** The rules as CriteriaRule's scalar fields render them (R__api_read_documents.sql), and those fields in order. */
    static final String RULES = "coalesce(v.api_rules, api_rules(v.rules))";
    static final List<String> RULE_FIELDS = List.of("key", "label", "kind", "field", "customKey", "operator", "values", "points",
            "activityType", "funnelStage", "contentTag", "windowDays", "pointsPerOccurrence", "cap", "halfLifeDays");
}
