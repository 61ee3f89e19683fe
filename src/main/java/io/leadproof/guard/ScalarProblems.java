package io.leadproof.guard;

import graphql.GraphQLError;
import graphql.schema.GraphQLScalarType;

/**
 * The reason and the words of a refused scalar value. The scalars of {@link StrictScalars} say themselves (their
 * messages are short and never repeat the value); for the others the words come from this table, because the
 * libraries' own messages name Java types ("Expected a 'String' input, but it was a 'BigDecimal'") or echo the value.
 */
final class ScalarProblems {

    private ScalarProblems() {
    }

    static String reason(GraphQLScalarType scalar, RuntimeException refused) {
        if (refused instanceof GraphQLError error && error.getExtensions() != null
                && error.getExtensions().get("reason") instanceof String reason) {
            return reason;
        }
        return switch (scalar.getName()) {
            case "Int" -> ScalarRules.INVALID_INT;
            case "Float" -> ScalarRules.INVALID_FLOAT;
            case "Date", "DateTime" -> ScalarRules.INVALID_DATE;
            case "Decimal" -> "INVALID_DECIMAL";
            case "String", "ID", "Boolean" -> "WRONG_TYPE";
            default -> "INVALID_VALUE";
        };
    }

    static String message(GraphQLScalarType scalar, RuntimeException refused) {
        if (refused instanceof GraphQLError error && error.getExtensions() != null && error.getExtensions().containsKey("reason")) {
            return refused.getMessage();
        }
        return switch (scalar.getName()) {
            case "Int" -> ScalarRules.IntRule.MESSAGE;
            case "Float" -> ScalarRules.FloatRule.MESSAGE;
            case "Decimal" -> "must be a decimal number written as a string, e.g. \"1234.50\", with at most 40 digits";
            case "String" -> "must be a string";
            case "ID" -> "must be an id (a string)";
            case "Boolean" -> "must be true or false";
            default -> "is not a valid " + scalar.getName();
        };
    }
}
