package io.leadproof.scoring.engine;

import java.util.List;

/** The rules and thresholds of one criteria version, as authored. Validate with {@link CriteriaValidator}. */
public record CriteriaVersionSpec(String versionId, List<Rule> rules, Thresholds thresholds) {
    public CriteriaVersionSpec {
        rules = Lists.immutableCopyAllowingNulls(rules);
    }
}
