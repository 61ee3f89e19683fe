package io.leadproof.lead.read;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;

import io.leadproof.common.NodeId;

/**
 * From a validated query to one SQL statement that builds its whole {@code data} in PostgreSQL, or nothing when any
 * part of the request is outside what {@link ReadFields} models (then it takes the general path, which also answers
 * every refusal: a bad page size, a foreign cursor, a malformed id). Pure: no database, no CDI.
 */
public final class ReadPlanner {

    private static final int MAX_KEYS = 50; // json_build_object takes at most 100 arguments

    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, Object> variables;
    private final List<Object> params = new ArrayList<>();
    private final Set<String> resolvers = new LinkedHashSet<>();
    private final Set<String> plain = new LinkedHashSet<>();
    private final Deque<String> path = new ArrayDeque<>();
    private final List<List<String>> cursors = new ArrayList<>();

    private ReadPlanner(Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
        this.fragments = fragments;
        this.variables = variables;
    }

    /**
     * Plans by operation and variables. SmallRye's document cache hands every request with the same query text the same
     * parsed operation, so a client's repeated request is planned once; a plan holds nothing of the caller (the workspace
     * is bound at run time, the roles are checked per request). Bounded: emptied when full.
     */
    private record Key(OperationDefinition operation, Map<String, Object> variables) {
    }

    private static final int MAX_PLANS = 512;
    private static final Map<Key, Optional<ReadPlan>> PLANS = new ConcurrentHashMap<>();

    static Optional<ReadPlan> plan(OperationDefinition operation, Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
        var key = new Key(operation, variables);
        var known = PLANS.get(key);
        if (known != null) {
            return known;
        }
        var plan = planAnew(operation, fragments, variables);
        if (PLANS.size() >= MAX_PLANS) {
            PLANS.clear();
        }
        PLANS.put(key, plan);
        return plan;
    }

    private static Optional<ReadPlan> planAnew(OperationDefinition operation, Map<String, FragmentDefinition> fragments,
            Map<String, Object> variables) {
        if (operation.getOperation() != OperationDefinition.Operation.QUERY || !operation.getDirectives().isEmpty()) {
            return Optional.empty();
        }
        var planner = new ReadPlanner(fragments, variables);
        try {
            String data = planner.object(Selections.of(operation.getSelectionSet(), "Query", fragments), "Query", planner::root);
            return Optional.of(new ReadPlan("select " + data + "::text", List.copyOf(planner.params), Set.copyOf(planner.resolvers),
                    Set.copyOf(planner.plain), List.copyOf(planner.cursors)));
        } catch (RuntimeException unsupported) {
            return Optional.empty();
        }
    }

    interface FieldSql {
        String of(Field field);
    }

    Map<String, FragmentDefinition> fragments() {
        return fragments;
    }

    Map<String, Object> variables() {
        return variables;
    }

    void resolver(String coordinate) {
        resolvers.add(coordinate);
    }

    void plain(String coordinate) {
        plain.add(coordinate);
    }

    void param(Object value) {
        params.add(value);
    }

    /** The field being planned holds a cursor's position, to be sealed ({@link CursorSealing}). */
    void cursorHere() {
        cursors.add(List.copyOf(path));
    }

    /** Plans the elements of a list: their paths go through every element ({@code *}). */
    String inList(Supplier<String> element) {
        path.addLast("*");
        try {
            return element.get();
        } finally {
            path.removeLast();
        }
    }

    String object(List<Field> fields, String type, FieldSql sql) {
        if (fields.size() > MAX_KEYS) {
            throw new AstValues.Unsupported("too many fields");
        }
        var parts = new ArrayList<String>();
        for (Field f : fields) {
            String key = Selections.key(f);
            path.addLast(key);
            try {
                parts.add("'" + key + "', " + (f.getName().equals("__typename") ? "'" + type + "'" : sql.of(f)));
            } finally {
                path.removeLast();
            }
        }
        return "json_build_object(" + String.join(", ", parts) + ")";
    }

    private String root(Field f) {
        return switch (f.getName()) {
            case "leads" -> LeadsPageSql.plan(this, f);
            case "lead" -> lead(f, "Query.lead", Set.of("Lead"));
            case "node" -> lead(f, "Query.node", Set.of("Lead", "Node")); // a Lead's id: the same read as lead(id:)
            default -> throw new AstValues.Unsupported("Query." + f.getName());
        };
    }

    private String lead(Field f, String resolver, Set<String> types) {
        resolvers.add(resolver);
        Map<String, Object> args = LeadArguments.of(f, variables, Set.of("id"));
        UUID id = NodeId.parse("Lead", (String) args.get("id"));
        if (id == null) {
            throw new AstValues.Unsupported("lead id");
        }
        LeadObjectSql.LeadNode node = LeadObjectSql.plan(this, f, types);
        params.addAll(node.joins().params());
        params.add(ReadPlan.WORKSPACE);
        params.add(id);
        return "(select " + node.json() + " from lead l" + node.joins().sql() + " where l.workspace_id = ? and l.id = ?)";
    }

    String column(Field f, String type, Map<String, String> columns) {
        String sql = columns.get(f.getName());
        if (sql == null || f.getSelectionSet() != null) {
            throw new AstValues.Unsupported(type + "." + f.getName());
        }
        plain.add(type + "." + f.getName());
        return sql;
    }
}
