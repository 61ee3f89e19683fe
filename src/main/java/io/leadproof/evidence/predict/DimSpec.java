package io.leadproof.evidence.predict;

import java.util.List;

/**
 * How one dimension becomes features, fitted on the training leads.
 * CATEGORY: one indicator per vocabulary value, plus "*other" when some training value was outside it.
 * NUMBER: the standardised value ((x − mean) / sd), plus an "unknown" indicator when some training lead lacked it.
 * COUNT (behaviour, first-call): the standardised value, absent meaning 0.
 */
public record DimSpec(Kind kind, List<String> vocabulary, boolean hasOther, boolean hasUnknown, double mean, double sd) {

    public enum Kind { CATEGORY, NUMBER, COUNT }

    public DimSpec {
        vocabulary = vocabulary == null ? List.of() : List.copyOf(vocabulary);
    }
}
