package io.leadproof.scoring;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The scheduled poll for rescoring jobs effectively off (hourly), and pages of seven leads. */
public class QueuedJobsStartAtOnceProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("leadproof.scoring.poll-every", "1h", "leadproof.scoring.chunk-size", "7");
    }
}
