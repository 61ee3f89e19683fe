package io.leadproof.scoring.engine;

import java.util.List;

/** A comparison on a number field: revenue, employee count, budget amount. */
final class NumberCondition implements Condition {
    private final LeadField field;
    private final Operator op;
    private final Operator positive;
    private final DecimalConstant[] values;
    private final String expectation;

    NumberCondition(LeadField field, Operator op, List<String> values) {
        this.field = field;
        this.op = op;
        this.positive = op.positive();
        this.values = values.stream().map(v -> new DecimalConstant(Values.parseDecimal(v))).toArray(DecimalConstant[]::new);
        this.expectation = Evidence.expectation(op, java.util.Arrays.stream(this.values).map(DecimalConstant::toString).toList());
    }

    @Override
    public boolean matches(LeadSnapshot lead) {
        Number number = (Number) field.read(lead, null);
        if (number == null || !DecimalConstant.isComparable(number)) {
            return false;
        }
        return op.isNegated() != Matching.number(positive, values, number);
    }

    @Override
    public String evidence(LeadSnapshot lead) {
        return field.label() + " " + Evidence.show(field.read(lead, null)) + " " + expectation;
    }
}
