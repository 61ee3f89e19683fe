package io.leadproof.common;

import java.time.Duration;
import java.util.stream.Stream;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Request latency as a Prometheus histogram ({@code http_server_requests_seconds_bucket}), so dashboards and alerts can
 * compute p50/p99 across pods (k8s/base/monitoring). Fixed buckets rather than Micrometer's ~70 default ones: ten
 * boundaries around the latencies docs/benchmarks.md measures keep the series count small.
 */
public class LatencyHistograms {

    static final double[] BUCKETS = Stream.of(10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000)
            .mapToDouble(ms -> Duration.ofMillis(ms).toNanos()).toArray();

    @Produces
    @Singleton
    MeterFilter httpServerRequestBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(BUCKETS).build().merge(config);
            }
        };
    }
}
