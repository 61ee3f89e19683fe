package io.leadproof.metrics;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The rows of the metrics statement ({@link MetricsSql}), one record per kind, read by name: the statement returns
 * each row as a JSON object whose keys are its column names. idx is the period, key the group (null without grouping).
 */
final class MetricsRows {

    private MetricsRows() {
    }

    /** Funnel sums of a group and rejection reason: rollups of whole UTC days plus facts of partial days (kind F). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Funnel(int idx, String key, String rejectCode, String rejectCategory, long leads, long mqls, long handoffs,
            long accepted, long rejected, long bad, long sqls, long won, long lost, BigDecimal revenue) {
    }

    /** Response times and SLA breaches of a group's handoffs (kind H); the percentiles are null without responses. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Timing(int idx, String key, long responded, Long medianSeconds, Long p90Seconds, long slaBreaches) {
    }

    /** Handoffs of a group in one score band (kind B). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Band(int idx, String key, long band, long handoffs, long won, BigDecimal wonAmount) {
    }

    /** Campaign spend of a group (kind S). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Spend(int idx, String key, BigDecimal amount) {
    }

    /** The workspace's reporting currency (kind C). */
    record Currency(String currency) {
    }
}
