package io.leadproof.ops;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Every leased job's poll effectively off (hourly): the test alone claims the jobs it plants. */
public class LeasedJobClaimsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("leadproof.scoring.poll-every", "1h", "leadproof.backtest.poll-every", "1h",
                "leadproof.prediction.poll-every", "1h", "leadproof.imports.poll-every", "1h",
                "leadproof.evidence.analysis-job.poll-every", "1h");
    }
}
