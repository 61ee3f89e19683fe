package io.leadproof.criteria;

import org.eclipse.microprofile.graphql.Description;

@Description("Lifecycle of a criteria version.")
public enum VersionStatus {
    @Description("Being edited; not used for scoring.") DRAFT,
    @Description("Published and in force; immutable. Exactly one per model.") ACTIVE,
    @Description("Replaced by a newer version, or a discarded draft; immutable.") RETIRED
}
