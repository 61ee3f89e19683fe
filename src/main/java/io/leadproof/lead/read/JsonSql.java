package io.leadproof.lead.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;

/** The SQL that builds a JSON object of a selection: one json_build_object, keys in response order. */
public final class JsonSql {

    private static final int MAX_KEYS = 50; // json_build_object takes at most 100 arguments

    private JsonSql() {
    }

    /** {@code sql} gives each field's expression; {@code __typename} is the type's name. */
    public static String object(List<Field> fields, String type, Function<Field, String> sql) {
        if (fields.size() > MAX_KEYS) {
            throw new AstValues.Unsupported("too many fields");
        }
        var parts = new ArrayList<String>();
        for (Field f : fields) {
            parts.add("'" + Selections.key(f) + "', " + (f.getName().equals("__typename") ? "'" + type + "'" : sql.apply(f)));
        }
        return "json_build_object(" + String.join(", ", parts) + ")";
    }

    /** A plain record field without arguments or selection, from {@code columns}; recorded in {@code plain}. */
    public static String column(Field f, String type, Map<String, String> columns, Set<String> plain) {
        String sql = columns.get(f.getName());
        if (sql == null || f.getSelectionSet() != null || !f.getArguments().isEmpty()) {
            throw new AstValues.Unsupported(type + "." + f.getName());
        }
        plain.add(type + "." + f.getName());
        return sql;
    }

    /**
     * A query whose root fields {@code root} answers, as one plan with the parameters, resolvers and plain fields the
     * planner collected while it wrote them; empty for a mutation or subscription, a directive on the operation, or a
     * shape {@code root} refuses (the general path answers those).
     */
    public static Optional<ReadPlan> queryPlan(OperationDefinition operation, Map<String, FragmentDefinition> fragments,
            Function<Field, String> root, List<Object> params, Set<String> resolvers, Set<String> plain) {
        if (operation.getOperation() != OperationDefinition.Operation.QUERY || !operation.getDirectives().isEmpty()) {
            return Optional.empty();
        }
        try {
            String data = object(Selections.of(operation.getSelectionSet(), "Query", fragments), "Query", root);
            return Optional.of(new ReadPlan("select " + data + "::text", List.copyOf(params), Set.copyOf(resolvers), Set.copyOf(plain)));
        } catch (RuntimeException unsupported) {
            return Optional.empty();
        }
    }
}
