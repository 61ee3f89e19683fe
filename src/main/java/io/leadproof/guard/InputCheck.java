package io.leadproof.guard;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SourceLocation;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * Checks every input value of an operation against the schema before anything runs — the variables and the literal
 * arguments, down through input objects and lists — and reports each problem once, short, with the path of the value
 * and a reason: {@code input.leads[3].employeeCount: must be a whole number …} ({@code INVALID_INT}). graphql-java
 * would refuse the same values, but in words that echo the whole input ("argument 'input' with value
 * 'ObjectValue{…}'"), without the field, and SmallRye would convert some of them silently. Whether a scalar value is
 * acceptable is the scalar's own decision ({@link StrictScalars}, SmallRye's {@code Decimal}); whether text is, is
 * {@link InputText}'s. What this class does not see (unknown variables, type mismatches between a variable and its use)
 * graphql-java's validation still reports.
 *
 * <p>The path starts with the argument for values written in the document ({@code input.email}) and with the variable
 * for values sent as variables ({@code $i.email}); list positions are numbers.
 */
final class InputCheck {

    static final int MAX_PROBLEMS = 20;

    /** One problem with one input value. */
    record Problem(List<String> field, String reason, String message, SourceLocation location) {

        /** {@code input.leads[3].email}. */
        String path() {
            var out = new StringBuilder();
            for (String part : field) {
                if (!part.isEmpty() && Character.isDigit(part.charAt(0))) {
                    out.append('[').append(part).append(']');
                } else {
                    out.append(out.isEmpty() ? "" : ".").append(part);
                }
            }
            return out.toString();
        }
    }

    private final GraphQLSchema schema;
    private final Map<String, FragmentDefinition> fragments;
    private final ValueCheck values = new ValueCheck();
    private final Set<String> fragmentsSeen = new HashSet<>();

    private InputCheck(GraphQLSchema schema, Map<String, FragmentDefinition> fragments) {
        this.schema = schema;
        this.fragments = fragments;
    }

    static List<Problem> of(GraphQLSchema schema, OperationDefinition operation, Map<String, FragmentDefinition> fragments,
            Map<String, Object> variables) {
        var check = new InputCheck(schema, fragments);
        check.variables(operation, variables == null ? Map.of() : variables);
        check.selections(operation.getSelectionSet(), switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        });
        return check.values.problems();
    }

    // ------------------------------------------------------------------ variables

    private void variables(OperationDefinition operation, Map<String, Object> given) {
        for (VariableDefinition definition : operation.getVariableDefinitions()) {
            GraphQLType type = type(definition.getType());
            if (type == null || values.full()) {
                continue; // an unknown type is graphql-java's to report
            }
            var path = List.of("$" + definition.getName());
            if (definition.getDefaultValue() != null) {
                values.literal(type, definition.getDefaultValue(), path, definition.getSourceLocation());
            }
            if (given.containsKey(definition.getName())) {
                values.value(type, given.get(definition.getName()), path, definition.getSourceLocation());
            }
        }
    }

    private GraphQLType type(Type<?> ast) {
        return switch (ast) {
            case NonNullType nonNull -> {
                GraphQLType inner = type(nonNull.getType());
                yield inner == null ? null : GraphQLNonNull.nonNull(inner);
            }
            case ListType list -> {
                GraphQLType inner = type(list.getType());
                yield inner == null ? null : GraphQLList.list(inner);
            }
            case TypeName name -> schema.getType(name.getName()) instanceof GraphQLInputType input ? input : null;
            default -> null;
        };
    }

    // ------------------------------------------------------------------ literals

    private void selections(SelectionSet set, GraphQLType parent) {
        if (set == null || values.full()) {
            return;
        }
        for (Selection<?> selection : set.getSelections()) {
            switch (selection) {
                case Field field -> field(field, parent);
                case InlineFragment inline -> {
                    directives(inline.getDirectives());
                    selections(inline.getSelectionSet(),
                            inline.getTypeCondition() == null ? parent : schema.getType(inline.getTypeCondition().getName()));
                }
                case FragmentSpread spread -> {
                    directives(spread.getDirectives());
                    var fragment = fragments.get(spread.getName());
                    if (fragment != null && fragmentsSeen.add(spread.getName())) {
                        selections(fragment.getSelectionSet(), schema.getType(fragment.getTypeCondition().getName()));
                    }
                }
                default -> {
                }
            }
        }
    }

    private void field(Field field, GraphQLType parent) {
        directives(field.getDirectives());
        if (field.getName().startsWith("__") || !(parent instanceof GraphQLFieldsContainer container)) {
            return;
        }
        var definition = container.getFieldDefinition(field.getName());
        if (definition == null) {
            return; // graphql-java reports the unknown field
        }
        for (GraphQLArgument argument : definition.getArguments()) {
            Argument given = field.getArguments().stream().filter(a -> a.getName().equals(argument.getName())).findFirst().orElse(null);
            if (given == null) {
                if (GraphQLTypeUtil.isNonNull(argument.getType()) && !argument.hasSetDefaultValue()) {
                    values.add(List.of(argument.getName()), "REQUIRED", "is required", field.getSourceLocation());
                }
            } else {
                values.literal(argument.getType(), given.getValue(), List.of(argument.getName()), given.getSourceLocation());
            }
        }
        selections(field.getSelectionSet(), GraphQLTypeUtil.unwrapAll(definition.getType()));
    }

    /** Arguments of directives ({@code @skip(if: …)}), named {@code @skip.if}. */
    private void directives(List<Directive> directives) {
        for (Directive directive : directives) {
            var definition = schema.getDirective(directive.getName());
            if (definition == null) {
                continue;
            }
            for (Argument given : directive.getArguments()) {
                var argument = definition.getArgument(given.getName());
                if (argument != null) {
                    values.literal(argument.getType(), given.getValue(), List.of("@" + directive.getName(), given.getName()), given.getSourceLocation());
                }
            }
        }
    }
}
