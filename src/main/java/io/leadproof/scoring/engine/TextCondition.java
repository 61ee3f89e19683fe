package io.leadproof.scoring.engine;

import java.util.List;
import java.util.Set;

/** A comparison on a text field, trimmed and case-insensitive. */
final class TextCondition implements Condition {
    /** Above this many values a hash lookup beats a scan. */
    private static final int SET_LOOKUP_FROM = 8;

    private final LeadField field;
    private final Operator op;
    private final Operator positive;
    private final String[] values;
    private final String[] shownValues;
    private final Set<String> valueSet;
    private final String expectation;

    TextCondition(LeadField field, Operator op, List<String> values) {
        this.field = field;
        this.op = op;
        this.positive = op.positive();
        this.values = values.stream().map(Values::normalizeText).toArray(String[]::new);
        this.shownValues = values.stream().map(v -> Evidence.quote(v.strip())).toArray(String[]::new);
        this.valueSet = this.values.length >= SET_LOOKUP_FROM ? Set.of(distinct(this.values)) : null;
        this.expectation = Evidence.expectation(op, List.of(shownValues));
    }

    private static String[] distinct(String[] values) {
        return java.util.Arrays.stream(values).distinct().toArray(String[]::new);
    }

    @Override
    public boolean matches(LeadSnapshot lead) {
        String text = Values.normalizeText((String) field.read(lead, null));
        if (text == null) {
            return false;
        }
        return op.isNegated() != Matching.text(positive, values, valueSet, text);
    }

    @Override
    public String evidence(LeadSnapshot lead) {
        String raw = (String) field.read(lead, null);
        String subject = field.label() + " " + Evidence.quote(raw.strip());
        if (op == Operator.CONTAINS || op == Operator.ENDS_WITH) {
            int hit = Matching.matchingValueIndex(op, values, Values.normalizeText(raw));
            return subject + " " + op.phrase() + " " + shownValues[hit];
        }
        return subject + " " + expectation;
    }
}
