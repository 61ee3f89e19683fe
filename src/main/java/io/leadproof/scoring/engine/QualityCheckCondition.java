package io.leadproof.scoring.engine;

import java.util.EnumSet;
import java.util.List;

import io.leadproof.quality.QualityCode;

/**
 * EQUALS / IN / NOT_EQUALS / NOT_IN on {@link LeadField#DATA_QUALITY_CHECK}: a lead has a set of findings, so the
 * positive operators match when any listed code is among them, the negated ones when none is.
 */
final class QualityCheckCondition implements Condition {
    private final EnumSet<QualityCode> listed = EnumSet.noneOf(QualityCode.class);
    private final boolean negated;
    private final String expectation;

    QualityCheckCondition(Operator op, List<String> values) {
        values.forEach(v -> listed.add((QualityCode) Values.enumConstant(LeadField.DATA_QUALITY_CHECK, v)));
        this.negated = op.isNegated();
        this.expectation = (negated ? "none of " : "one of ") + listed;
    }

    @Override
    public boolean matches(LeadSnapshot lead) {
        return negated != found(lead).stream().anyMatch(listed::contains);
    }

    @Override
    public String evidence(LeadSnapshot lead) {
        List<QualityCode> found = found(lead);
        return LeadField.DATA_QUALITY_CHECK.label() + "s " + (found.isEmpty() ? "none" : found.toString()) + ", wanted " + expectation;
    }

    private static List<QualityCode> found(LeadSnapshot lead) {
        return lead.quality() == null ? List.of() : lead.quality().codes();
    }
}
