package io.leadproof.scoring.engine;

import java.util.List;

/** A predicate compiled for repeated evaluation: values parsed, normalised and indexed once. */
sealed interface Condition permits EnumCondition, TextCondition, NumberCondition, PresenceCondition, CustomCondition,
        QualityCheckCondition {

    boolean matches(LeadSnapshot lead);

    /** Why a lead matched; only called after {@link #matches} returned true, so it may allocate. */
    String evidence(LeadSnapshot lead);

    /** @param predicate a predicate that {@link CriteriaValidator} accepted */
    static Condition compile(Predicate predicate) {
        LeadField field = predicate.field();
        Operator op = predicate.op();
        List<String> values = predicate.values();
        if (op == Operator.IS_SET || op == Operator.IS_NOT_SET) {
            return new PresenceCondition(field, keyOf(predicate), op == Operator.IS_SET);
        }
        if (field == LeadField.DATA_QUALITY_CHECK) {
            return new QualityCheckCondition(op, values);
        }
        return switch (field.valueType()) {
            case ENUM -> new EnumCondition(field, op, values);
            case TEXT -> new TextCondition(field, op, values);
            case NUMBER -> new NumberCondition(field, op, values);
            case DYNAMIC -> new CustomCondition(keyOf(predicate), op, values);
            case BOOLEAN -> throw new IllegalArgumentException("no built-in field is BOOLEAN: " + field);
        };
    }

    private static String keyOf(Predicate predicate) {
        return predicate.field() == LeadField.CUSTOM ? predicate.customKey().strip() : null;
    }
}
