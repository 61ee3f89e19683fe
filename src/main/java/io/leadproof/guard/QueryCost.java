package io.leadproof.guard;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.PropertyDataFetcher;
import io.leadproof.common.Cursors;

/**
 * The cost of an operation in points, computed from the validated document and its variables before anything runs.
 * It estimates work: resolver calls (each a database read or batch) and objects loaded a page at a time.
 *
 * <ul>
 * <li>A field with a resolver of its own — every root field, and {@code @Source} fields such as {@code Lead.activities},
 * {@code Lead.campaign}, {@code Campaign.totalCost} — costs 1 per call. A mutation root field costs the configured
 * mutation cost (10) instead.</li>
 * <li>A field with a {@code window} argument (the metrics) also costs one point per started period of
 * {@link Weights#windowDaysPerPoint()} days (31) of the window: the periods it aggregates. The rows it aggregated are
 * charged after it ran ({@code GuardInstrumentation}).</li>
 * <li>A field with a {@code first} argument also costs {@code first} (default {@value #DEFAULT_PAGE}, clamped to
 * 1..{@value #MAX_PAGE}) for the objects it returns, and multiplies everything below it by {@code first}.</li>
 * <li>Another list (without {@code first}) multiplies everything below it by the configured list size (10); a
 * mutation payload's lists by the number of rows the mutation's input sent.</li>
 * <li>Fields read from an object already loaded — scalars, {@code edges}, {@code node}, {@code pageInfo}, value
 * objects such as {@code Money} — cost 0, and so do {@code __typename} and introspection.</li>
 * <li>Every alias and every use of a fragment counts again. A request costs at least 1.</li>
 * </ul>
 */
public final class QueryCost {

    static final int DEFAULT_PAGE = Cursors.DEFAULT_PAGE;
    static final int MAX_PAGE = Cursors.MAX_PAGE;
    /** Costs are capped here so that nested multipliers cannot overflow. */
    static final long CEILING = 1L << 40;

    /** @param windowDaysPerPoint a field with a {@code window} argument costs one point per started period of this length */
    public record Weights(int mutation, int listSize, int windowDaysPerPoint) {
        public Weights(int mutation, int listSize) {
            this(mutation, listSize, 31);
        }
    }

    /** Which fields run a resolver of their own (cost 1 per call) rather than read a property of their parent. */
    @FunctionalInterface
    public interface Resolvers {
        boolean resolves(GraphQLFieldsContainer parent, GraphQLFieldDefinition field);

        /** From the schema's code registry: SmallRye wires plain properties with its {@code FieldDataFetcher}, which the
         * served schema reads with {@link io.leadproof.common.PlainFields}' light fetchers instead. */
        static Resolvers of(GraphQLSchema schema) {
            var registry = schema.getCodeRegistry();
            return (parent, field) -> {
                if (!(parent instanceof GraphQLObjectType object)) {
                    return false; // interface fields are properties of the implementing objects
                }
                DataFetcher<?> fetcher = registry.getDataFetcher(FieldCoordinates.coordinates(object, field), field);
                return !(fetcher instanceof PropertyDataFetcher<?>)
                        && !(fetcher instanceof graphql.schema.SingletonPropertyDataFetcher<?>)
                        && !(fetcher instanceof io.smallrye.graphql.execution.datafetcher.FieldDataFetcher<?>)
                        && !io.leadproof.common.PlainFields.isPlain(fetcher);
            };
        }
    }

    private final GraphQLSchema schema;
    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, Object> variables;
    private final Weights weights;
    private final Resolvers resolvers;

    private QueryCost(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Map<String, Object> variables,
            Weights weights, Resolvers resolvers) {
        this.schema = schema;
        this.fragments = fragments;
        this.variables = variables;
        this.weights = weights;
        this.resolvers = resolvers;
    }

    public static long of(GraphQLSchema schema, OperationDefinition operation, Map<String, FragmentDefinition> fragments,
            Map<String, Object> variables, Weights weights, Resolvers resolvers) {
        var walk = new QueryCost(schema, fragments, variables == null ? Map.of() : variables, weights, resolvers);
        GraphQLCompositeType root = switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
        boolean mutation = operation.getOperation() == OperationDefinition.Operation.MUTATION;
        long cost = walk.selection(operation.getSelectionSet(), root, 1, true, mutation, -1);
        return Math.max(1, cost);
    }

    /**
     * @param root whether {@code set} is the operation's own selection
     * @param rows for the direct children of a mutation root field: the number of input rows, else -1
     */
    private long selection(SelectionSet set, GraphQLCompositeType parent, long multiplier, boolean root, boolean mutation,
            long rows) {
        if (set == null || parent == null) {
            return 0;
        }
        long total = 0;
        for (Selection<?> selection : set.getSelections()) {
            long part = switch (selection) {
                case Field field -> field(field, parent, multiplier, root, mutation, rows);
                case InlineFragment inline -> selection(inline.getSelectionSet(),
                        inline.getTypeCondition() == null ? parent : composite(inline.getTypeCondition().getName(), parent),
                        multiplier, root, mutation, rows);
                case FragmentSpread spread -> {
                    var fragment = fragments.get(spread.getName());
                    yield fragment == null ? 0 : selection(fragment.getSelectionSet(),
                            composite(fragment.getTypeCondition().getName(), parent), multiplier, root, mutation, rows);
                }
                default -> 0;
            };
            total = add(total, part);
            if (total >= CEILING) {
                return CEILING;
            }
        }
        return total;
    }

    private long field(Field field, GraphQLCompositeType parent, long multiplier, boolean root, boolean mutation, long rows) {
        if (field.getName().startsWith("__") || !(parent instanceof GraphQLFieldsContainer container)) {
            return 0;
        }
        GraphQLFieldDefinition definition = container.getFieldDefinition(field.getName());
        if (definition == null) {
            return 0;
        }
        long own = root ? (mutation ? weights.mutation() : 1) : resolvers.resolves(container, definition) ? 1 : 0;
        GraphQLType type = definition.getType();
        GraphQLNamedType named = GraphQLTypeUtil.unwrapAll(type);
        boolean list = GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(type));
        long fanOut = 1;
        if (definition.getArgument("window") != null) {
            own = add(own, windowPoints(field)); // metrics: the periods it aggregates
        }
        if (definition.getArgument("first") != null) {
            fanOut = page(argument(field, "first"));
            own = add(own, fanOut); // the objects of the page
        } else if (list && !named.getName().endsWith("Edge")) {
            fanOut = rows >= 0 ? Math.max(1, rows) : weights.listSize();
        }
        long cost = mul(multiplier, own);
        if (named instanceof GraphQLCompositeType composite) {
            long childRows = root && mutation ? rowsOf(field) : -1;
            cost = add(cost, selection(field.getSelectionSet(), composite, mul(multiplier, fanOut), false, false, childRows));
        }
        return cost;
    }

    private GraphQLCompositeType composite(String typeName, GraphQLCompositeType fallback) {
        return schema.getType(typeName) instanceof GraphQLCompositeType c ? c : fallback;
    }

    private Object argument(Field field, String name) {
        for (Argument argument : field.getArguments()) {
            if (argument.getName().equals(name)) {
                return resolve(argument.getValue());
            }
        }
        return null;
    }

    private Object resolve(Value<?> value) {
        if (value instanceof VariableReference ref) {
            return variables.get(ref.getName());
        }
        if (value instanceof IntValue i) {
            return i.getValue();
        }
        return value;
    }

    /** One point per started {@code windowDaysPerPoint} days of the {@code window} argument's [from, to). */
    private long windowPoints(Field field) {
        Object window = argument(field, "window");
        try {
            var from = java.time.LocalDate.parse(String.valueOf(part(window, "from")));
            var to = java.time.LocalDate.parse(String.valueOf(part(window, "to")));
            long days = Math.clamp(java.time.temporal.ChronoUnit.DAYS.between(from, to), 1, 10_000);
            return (days + weights.windowDaysPerPoint() - 1) / Math.max(1, weights.windowDaysPerPoint());
        } catch (RuntimeException unreadable) {
            return 1; // refused by the input check or the resolver; its own price is enough
        }
    }

    private Object part(Object window, String name) {
        if (window instanceof ObjectValue object) {
            return object.getObjectFields().stream().filter(f -> f.getName().equals(name)).findFirst()
                    .map(f -> resolve(f.getValue())).map(v -> v instanceof graphql.language.StringValue s ? s.getValue() : v)
                    .orElse(null);
        }
        return window instanceof Map<?, ?> map ? map.get(name) : null;
    }

    private static long page(Object first) {
        if (first instanceof Number n) {
            if (n instanceof BigInteger big && big.bitLength() > 31) {
                return big.signum() > 0 ? MAX_PAGE : 1;
            }
            return Math.clamp(n.longValue(), 1, MAX_PAGE);
        }
        return DEFAULT_PAGE;
    }

    /** The number of rows a mutation sends: the longest list anywhere in its arguments. */
    private long rowsOf(Field field) {
        long rows = 0;
        for (Argument argument : field.getArguments()) {
            rows = Math.max(rows, longestList(argument.getValue(), 0));
        }
        return rows;
    }

    private long longestList(Object value, int level) {
        if (level > 8 || value == null) {
            return 0;
        }
        return switch (value) {
            case VariableReference ref -> longestList(variables.get(ref.getName()), level + 1);
            case ArrayValue array -> Math.max(array.getValues().size(),
                    array.getValues().stream().limit(10_000).mapToLong(v -> longestList(v, level + 1)).max().orElse(0));
            case ObjectValue object -> object.getObjectFields().stream().map(ObjectField::getValue)
                    .mapToLong(v -> longestList(v, level + 1)).max().orElse(0);
            case Collection<?> items -> Math.max(items.size(),
                    items.stream().limit(10_000).mapToLong(v -> longestList(v, level + 1)).max().orElse(0));
            case Map<?, ?> map -> map.values().stream().mapToLong(v -> longestList(v, level + 1)).max().orElse(0);
            default -> 0;
        };
    }

    private static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 || sum > CEILING ? CEILING : sum;
    }

    private static long mul(long a, long b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return a > CEILING / b ? CEILING : Math.min(a * b, CEILING);
    }
}
