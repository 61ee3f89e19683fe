package io.leadproof.scoring.engine;

import java.util.List;

/** EQUALS / NOT_EQUALS / IN / NOT_IN on an enum field, as a lookup by ordinal. */
final class EnumCondition implements Condition {
    private final LeadField field;
    /** Indexed by ordinal; UNKNOWN is never accepted, also not by the negated operators. */
    private final boolean[] accepted;
    private final String expectation;

    EnumCondition(LeadField field, Operator op, List<String> values) {
        this.field = field;
        Enum<?>[] constants = field.enumType().getEnumConstants();
        boolean[] listed = new boolean[constants.length];
        for (String value : values) {
            listed[Values.enumConstant(field, value).ordinal()] = true;
        }
        this.accepted = new boolean[constants.length];
        for (Enum<?> constant : constants) {
            boolean known = !constant.name().equals(LeadField.UNKNOWN_CONSTANT);
            accepted[constant.ordinal()] = known && (op.isNegated() != listed[constant.ordinal()]);
        }
        this.expectation = Evidence.expectation(op,
                values.stream().map(v -> Values.enumConstant(field, v).name()).toList());
    }

    @Override
    public boolean matches(LeadSnapshot lead) {
        Enum<?> value = (Enum<?>) field.read(lead, null);
        return value != null && accepted[value.ordinal()];
    }

    @Override
    public String evidence(LeadSnapshot lead) {
        String subject = field.label() + " " + ((Enum<?>) field.read(lead, null)).name();
        if (field == LeadField.SENIORITY && !Values.isBlank(lead.jobTitle())) {
            subject = "job title " + Evidence.quote(lead.jobTitle().strip()) + " → " + subject;
        }
        return subject + " " + expectation;
    }
}
