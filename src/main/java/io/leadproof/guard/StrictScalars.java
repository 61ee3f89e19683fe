package io.leadproof.guard;

import java.util.Locale;
import java.util.Map;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import io.smallrye.graphql.scalar.GraphQLScalarTypes;

/**
 * The input rules of the scalars SmallRye coerces laxly: {@code Int} (SmallRye passes {@code 1.5}, {@code "42"} and
 * {@code 1e309} through and converts them later, to 1, 42 and 0), {@code Float} (strings, infinities), {@code Date}
 * and {@code DateTime} (any string, parsed only when the resolver's arguments are converted — a malformed one then
 * fails as "Unknown Scalar Type" naming Java classes). Here each scalar accepts exactly its own values, anywhere
 * (arguments, input objects, lists; variables and literals), and refuses the rest at coercion, before anything runs;
 * {@link InputCheck} reports the refusal with the field path.
 *
 * <p>The rules themselves, the date policy included, are {@link ScalarRules}. Output is unchanged: serialising stays
 * SmallRye's.
 *
 * <p>Installed by replacing the scalars in SmallRye's scalar registry before it builds the schema (see
 * {@link GuardInstaller}); {@link #servedBy} tells whether that happened in time.
 */
final class StrictScalars {



    private StrictScalars() {
    }


    static synchronized void install() {
        replace("Int", new ScalarRules.IntRule());
        replace("Float", new ScalarRules.FloatRule());
        replace("Date", new ScalarRules.DateRule());
        replace("DateTime", new ScalarRules.DateTimeRule());
    }

    /** Whether the schema's {@code Int} (and, when it has them, its date scalars) are the strict ones. */
    static boolean servedBy(graphql.schema.GraphQLSchema schema) {
        for (String name : new String[] { "Int", "Float", "Date", "DateTime" }) {
            if (schema.getType(name) instanceof GraphQLScalarType scalar && !(scalar.getCoercing() instanceof Strict)) {
                return false;
            }
        }
        return true;
    }

    private static void replace(String name, ScalarRules.Rule rule) {
        GraphQLScalarType original = GraphQLScalarTypes.getScalarByName(name);
        if (original == null || original.getCoercing() instanceof Strict) {
            return;
        }
        GraphQLScalarType strict = GraphQLScalarType.newScalar(original).coercing(new Strict(original.getCoercing(), rule)).build();
        Map<String, GraphQLScalarType> byClass = GraphQLScalarTypes.getScalarMap();
        String someClass = null;
        for (var entry : byClass.entrySet()) {
            if (entry.getValue() == original) {
                entry.setValue(strict);
                someClass = entry.getKey();
            }
        }
        GraphQLScalarTypes.registerCustomScalar(name, someClass == null ? name : someClass, strict);
    }

    /** SmallRye's coercing for output, the rule for input. */
    static final class Strict implements Coercing<Object, Object> {
        private final Coercing<?, ?> output;
        final ScalarRules.Rule rule;

        Strict(Coercing<?, ?> output, ScalarRules.Rule rule) {
            this.output = output;
            this.rule = rule;
        }

        @Override
        public Object serialize(Object result, GraphQLContext context, Locale locale) {
            return output.serialize(result, context, locale);
        }

        @Override
        @Deprecated
        public Object serialize(Object result) {
            return output.serialize(result, GraphQLContext.getDefault(), Locale.ROOT);
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            return rule.value(input);
        }

        @Override
        @Deprecated
        public Object parseValue(Object input) {
            return rule.value(input);
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            return rule.literal(input);
        }

        @Override
        @Deprecated
        public Object parseLiteral(Object input) {
            if (input instanceof Value<?> value) {
                return rule.literal(value);
            }
            throw ScalarRules.refusedLiteral("INVALID_VALUE", "is not a literal");
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return output.valueToLiteral(input, context, locale);
        }

        @Override
        @Deprecated
        public Value<?> valueToLiteral(Object input) {
            return output.valueToLiteral(input, GraphQLContext.getDefault(), Locale.ROOT);
        }
    }
}
