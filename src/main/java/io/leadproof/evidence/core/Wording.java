package io.leadproof.evidence.core;

import java.util.Objects;

/** What the sentences call the two groups and how they qualify the reference moment. */
public record Wording(String groupA, String groupB, ReferenceMoment moment) {
    public Wording {
        Objects.requireNonNull(groupA, "groupA");
        Objects.requireNonNull(groupB, "groupB");
        Objects.requireNonNull(moment, "moment");
    }

    public static Wording of(OutcomeGroup a, OutcomeGroup b, ReferenceMoment moment) {
        return new Wording(a.label(), b.label(), moment);
    }
}
