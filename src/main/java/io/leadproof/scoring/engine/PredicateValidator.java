package io.leadproof.scoring.engine;

import io.leadproof.common.UserErrorCode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Checks one predicate; appends violations with paths below the predicate's own path. */
final class PredicateValidator {
    private PredicateValidator() {
    }

    static void validate(Predicate predicate, List<String> path, List<RuleViolation> out) {
        LeadField field = predicate.field();
        Operator op = predicate.op();
        if (field == null) {
            out.add(violation(path, "field", UserErrorCode.MISSING_FIELD, "Choose the lead field to test."));
        } else if (field == LeadField.CUSTOM && Values.isBlank(predicate.customKey())) {
            out.add(violation(path, "customKey", UserErrorCode.MISSING_CUSTOM_KEY, "Name the custom attribute to test."));
        } else if (field != LeadField.CUSTOM && !Values.isBlank(predicate.customKey())) {
            out.add(violation(path, "customKey", UserErrorCode.UNEXPECTED_CUSTOM_KEY,
                    "Only the CUSTOM field takes a custom attribute key, not " + field + "."));
        }
        if (op == null) {
            out.add(violation(path, "operator", UserErrorCode.MISSING_OPERATOR, "Choose an operator."));
            return;
        }
        if (field == null) {
            return;
        }
        if (!op.isValidFor(field.valueType())) {
            out.add(violation(path, "operator", UserErrorCode.OPERATOR_NOT_VALID_FOR_FIELD,
                    "%s cannot be used on %s, a %s field.".formatted(op, field, field.valueType())));
            return;
        }
        List<String> values = predicate.values();
        if (values.size() < op.minValues() || values.size() > op.maxValues()) {
            out.add(violation(path, "values", UserErrorCode.WRONG_VALUE_COUNT, expectedCount(op, values.size())));
            return;
        }
        validateValues(field, op, values, path, out);
    }

    private static void validateValues(LeadField field, Operator op, List<String> values, List<String> path,
                                       List<RuleViolation> out) {
        boolean numeric = field.valueType() == ValueType.NUMBER || op.isNumeric();
        List<BigDecimal> numbers = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            List<String> valuePath = append(path, "values", String.valueOf(i));
            if (Values.isBlank(value)) {
                out.add(new RuleViolation(valuePath, UserErrorCode.BLANK_VALUE, "A value must not be blank."));
            } else if (numeric) {
                BigDecimal number = Values.parseDecimal(value);
                if (number == null) {
                    out.add(new RuleViolation(valuePath, UserErrorCode.INVALID_NUMBER, "'" + value + "' is not a number."));
                } else {
                    numbers.add(number);
                }
            } else if (field.valueType() == ValueType.ENUM && Values.enumConstant(field, value) == null) {
                out.add(new RuleViolation(valuePath, UserErrorCode.INVALID_ENUM_VALUE, "'%s' is not a %s; expected one of %s%s."
                        .formatted(value, field, field.allowedValues(),
                                value.strip().equalsIgnoreCase(LeadField.UNKNOWN_CONSTANT) ? " (test an unknown value with IS_NOT_SET)" : "")));
            } else if (field == LeadField.COUNTRY && (op == Operator.EQUALS || op == Operator.NOT_EQUALS
                    || op == Operator.IN || op == Operator.NOT_IN) && !Values.isCountryCode(value)) {
                out.add(new RuleViolation(valuePath, UserErrorCode.INVALID_COUNTRY_CODE,
                        "'" + value + "' is not an ISO 3166-1 alpha-2 country code such as DE or US."));
            } else if (Values.isDomainField(field) && !Values.isDomainPart(value)) {
                out.add(new RuleViolation(valuePath, UserErrorCode.INVALID_DOMAIN,
                        "'" + value + "' is not a domain: no spaces, '@' or '/'."));
            }
        }
        if (op == Operator.BETWEEN && numbers.size() == 2 && numbers.get(0).compareTo(numbers.get(1)) > 0) {
            out.add(violation(path, "values", UserErrorCode.BETWEEN_NOT_ASCENDING,
                    "BETWEEN needs the lower bound first: %s > %s.".formatted(values.get(0), values.get(1))));
        }
    }

    private static String expectedCount(Operator op, int actual) {
        String expected;
        if (op.minValues() == op.maxValues()) {
            expected = op.minValues() == 0 ? "no values" : op.minValues() + " value" + (op.minValues() == 1 ? "" : "s");
        } else {
            expected = "at least " + op.minValues() + " value" + (op.minValues() == 1 ? "" : "s");
        }
        return "%s takes %s, got %d.".formatted(op, expected, actual);
    }

    private static RuleViolation violation(List<String> path, String leaf, UserErrorCode code, String message) {
        return new RuleViolation(append(path, leaf), code, message);
    }

    static List<String> append(List<String> path, String... segments) {
        List<String> result = new ArrayList<>(path.size() + segments.length);
        result.addAll(path);
        result.addAll(List.of(segments));
        return result;
    }
}
