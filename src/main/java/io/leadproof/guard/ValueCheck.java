package io.leadproof.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.EnumValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.SourceLocation;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * Checks one value against its input type, all the way down — a variable's value as sent ({@link #value}) or an
 * argument written in the document ({@link #literal}) — and collects the problems of one request for
 * {@link InputCheck}: at most {@value InputCheck#MAX_PROBLEMS}, each with the path of the value.
 */
final class ValueCheck {

    private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,63}");
    private final List<InputCheck.Problem> problems = new ArrayList<>();
    private final GraphQLContext context = GraphQLContext.getDefault();

    List<InputCheck.Problem> problems() {
        return List.copyOf(problems);
    }

    boolean full() {
        return problems.size() >= InputCheck.MAX_PROBLEMS;
    }

    void add(List<String> field, String reason, String message, SourceLocation at) {
        if (!full()) {
            problems.add(new InputCheck.Problem(List.copyOf(field), reason, message, at));
        }
    }

    private static List<String> with(List<String> path, String part) {
        var out = new ArrayList<>(path);
        out.add(part);
        return out;
    }

    /** A client-supplied key as it may appear in an error: a GraphQL name, or a placeholder. */
    private static String shown(Object key) {
        String k = String.valueOf(key);
        return NAME.matcher(k).matches() ? k : "(not a field name)";
    }

    void value(GraphQLType type, Object value, List<String> path, SourceLocation at) {
        if (full()) {
            return;
        }
        if (type instanceof GraphQLNonNull nonNull) {
            if (value == null) {
                add(path, "REQUIRED", "is required and must not be null", at);
            } else {
                value(nonNull.getWrappedType(), value, path, at);
            }
        } else if (value == null) {
            return;
        } else if (type instanceof GraphQLList list) {
            if (value instanceof List<?> items) {
                for (int i = 0; i < items.size() && !full(); i++) {
                    value(list.getWrappedType(), items.get(i), with(path, Integer.toString(i)), at);
                }
            } else {
                value(list.getWrappedType(), value, path, at);
            }
        } else if (type instanceof GraphQLInputObjectType object) {
            if (!(value instanceof Map<?, ?> map)) {
                add(path, "WRONG_TYPE", "must be an input object (" + object.getName() + ")", at);
                return;
            }
            for (Object key : map.keySet()) {
                if (object.getField(String.valueOf(key)) == null) {
                    add(with(path, shown(key)), "UNKNOWN_FIELD", "is not a field of " + object.getName(), at);
                }
            }
            for (GraphQLInputObjectField field : object.getFields()) {
                if (map.containsKey(field.getName())) {
                    value(field.getType(), map.get(field.getName()), with(path, field.getName()), at);
                } else if (GraphQLTypeUtil.isNonNull(field.getType()) && !field.hasSetDefaultValue()) {
                    add(with(path, field.getName()), "REQUIRED", "is required", at);
                }
            }
        } else if (type instanceof GraphQLEnumType enumType) {
            if (!(value instanceof String name) || enumType.getValue(name) == null) {
                add(path, "INVALID_ENUM", "is not a value of " + enumType.getName(), at);
            }
        } else if (type instanceof GraphQLScalarType scalar) {
            try {
                scalar.getCoercing().parseValue(value, context, Locale.ROOT);
            } catch (RuntimeException refused) {
                add(path, ScalarProblems.reason(scalar, refused), ScalarProblems.message(scalar, refused), at);
                return;
            }
            if (value instanceof String text && InputText.refused(text)) {
                add(path, InputText.INVALID_CHARACTERS, InputText.MESSAGE, at);
            }
        }
    }

    void literal(GraphQLType type, Value<?> value, List<String> path, SourceLocation at) {
        if (full() || value instanceof VariableReference) {
            return; // a variable's value is checked with the variables
        }
        if (type instanceof GraphQLNonNull nonNull) {
            if (value instanceof NullValue) {
                add(path, "REQUIRED", "is required and must not be null", at);
            } else {
                literal(nonNull.getWrappedType(), value, path, at);
            }
        } else if (value instanceof NullValue) {
            return;
        } else if (type instanceof GraphQLList list) {
            if (value instanceof ArrayValue array) {
                for (int i = 0; i < array.getValues().size() && !full(); i++) {
                    literal(list.getWrappedType(), array.getValues().get(i), with(path, Integer.toString(i)), at);
                }
            } else {
                literal(list.getWrappedType(), value, path, at);
            }
        } else if (type instanceof GraphQLInputObjectType object) {
            if (!(value instanceof ObjectValue objectValue)) {
                add(path, "WRONG_TYPE", "must be an input object (" + object.getName() + ")", at);
                return;
            }
            for (ObjectField given : objectValue.getObjectFields()) {
                if (object.getField(given.getName()) == null) {
                    add(with(path, shown(given.getName())), "UNKNOWN_FIELD", "is not a field of " + object.getName(), at);
                }
            }
            for (GraphQLInputObjectField field : object.getFields()) {
                ObjectField given = objectValue.getObjectFields().stream().filter(f -> f.getName().equals(field.getName()))
                        .findFirst().orElse(null);
                if (given != null) {
                    literal(field.getType(), given.getValue(), with(path, field.getName()), at);
                } else if (GraphQLTypeUtil.isNonNull(field.getType()) && !field.hasSetDefaultValue()) {
                    add(with(path, field.getName()), "REQUIRED", "is required", at);
                }
            }
        } else if (type instanceof GraphQLEnumType enumType) {
            if (!(value instanceof EnumValue e) || enumType.getValue(e.getName()) == null) {
                add(path, "INVALID_ENUM", "is not a value of " + enumType.getName(), at);
            }
        } else if (type instanceof GraphQLScalarType scalar) {
            try {
                scalar.getCoercing().parseLiteral(value, CoercedVariables.emptyVariables(), context, Locale.ROOT);
            } catch (RuntimeException refused) {
                add(path, ScalarProblems.reason(scalar, refused), ScalarProblems.message(scalar, refused), at);
                return;
            }
            if (value instanceof StringValue text && InputText.refused(text.getValue())) {
                add(path, InputText.INVALID_CHARACTERS, InputText.MESSAGE, at);
            }
        }
    }
}
