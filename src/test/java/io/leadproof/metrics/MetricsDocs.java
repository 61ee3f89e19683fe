package io.leadproof.metrics;

/** GraphQL documents shared by the metrics tests. */
final class MetricsDocs {

    static final String BUNDLE = """
            fragment B on MetricsBundle { asOf currency leads mqls qualificationRate handoffs accepted rejected acceptanceRate
              rejectionsByReason { code category count } badLeads badLeadRate sqls won lost
              conversion { leadToMql mqlToSal salToSql sqlToWon leadToWon } revenue { amount currency }
              responseTime { responded medianSeconds p90Seconds } slaBreaches
              scoreBandOutcomes { from to handoffs won winRate averageWonAmount { amount currency } } }
            """;

    static final String SPEND = """
            fragment S on MetricsBundle { spend { total { amount currency } cpl { amount } costPerMql { amount }
              costPerSal { amount } costPerSql { amount } cpa { amount } roi } }
            """;

    static final String METRICS = BUNDLE + SPEND + """
            query($w: MetricsWindowInput!, $f: MetricsFilterInput, $bw: Int) {
              metrics(window: $w, filter: $f, scoreBandWidth: $bw) { ...B ...S } }""";

    static final String METRICS_NO_SPEND = BUNDLE + """
            query($w: MetricsWindowInput!, $f: MetricsFilterInput) { metrics(window: $w, filter: $f) { ...B } }""";

    static final String BREAKDOWN = BUNDLE + SPEND + """
            query($w: MetricsWindowInput!, $f: MetricsFilterInput, $by: MetricsDimension!, $first: Int, $after: String) {
              metricsBreakdown(window: $w, filter: $f, by: $by, first: $first, after: $after) {
                by totalCount pageInfo { hasNextPage endCursor }
                edges { cursor node { key { periodFrom periodTo campaignId campaign { name } source criteriaVersionId owner }
                                      metrics { ...B ...S } } } } }""";

    static final String BREAKDOWN_NO_SPEND = BUNDLE + """
            query($w: MetricsWindowInput!, $f: MetricsFilterInput, $by: MetricsDimension!, $first: Int, $after: String) {
              metricsBreakdown(window: $w, filter: $f, by: $by, first: $first, after: $after) {
                by totalCount pageInfo { hasNextPage endCursor }
                edges { cursor node { key { periodFrom periodTo campaignId source criteriaVersionId owner }
                                      metrics { ...B } } } } }""";

    private MetricsDocs() {
    }
}
