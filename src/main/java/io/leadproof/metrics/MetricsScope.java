package io.leadproof.metrics;

import java.time.Instant;

/**
 * The cohort one bundle describes: leads created in [start, end) that pass the filter, and for a breakdown group by
 * campaign, source, criteria version or owner its key ({@code null} key: the group without a value). Fields computed
 * apart from the one metrics statement ({@code MetricsBundle.quality}) read their cohort from it.
 */
record MetricsScope(String workspace, Instant start, Instant end, MetricsQuery.Filter filter, MetricsQuery.Key by, String key,
        MetricsAttribute attribute) {

    MetricsScope(String workspace, Instant start, Instant end, MetricsQuery.Filter filter, MetricsQuery.Key by, String key) {
        this(workspace, start, end, filter, by, key, null);
    }
}
