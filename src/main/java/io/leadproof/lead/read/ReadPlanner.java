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

import io.leadproof.common.Cursors;
import io.leadproof.common.NodeId;
import io.leadproof.common.OrderDirection;
import io.leadproof.lead.LeadQuery;

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
            case "leads" -> leads(f);
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
        LeadNode node = leadObject(f, types);
        params.addAll(node.joins().params());
        params.add(ReadPlan.WORKSPACE);
        params.add(id);
        return "(select " + node.json() + " from lead l" + node.joins().sql() + " where l.workspace_id = ? and l.id = ?)";
    }

    private String leads(Field f) {
        resolvers.add("Query.leads");
        Map<String, Object> args = LeadArguments.of(f, variables, Set.of("first", "after", "filter", "orderBy"));
        int first = Cursors.pageSize((Integer) args.get("first"));
        var order = LeadArguments.order(args.get("orderBy"));
        var filter = LeadArguments.filter(args.get("filter"));
        String after = (String) args.get("after");
        String column = LeadQuery.sortColumn(order);
        String direction = order.direction() == OrderDirection.ASC ? " asc" : " desc";
        String position = CursorSealing.position(order.field() + "_" + order.direction(), column, "l.id");
        var joins = new LeadJoins[] {LeadJoins.NONE};
        return Connections.plan(this, f, "LeadConnection", "LeadEdge", first, after != null, node -> {
            LeadNode lead = leadObject(node, Set.of("Lead"));
            joins[0] = lead.joins();
            return lead.json();
        }, (node, positions) -> {
            String sort = column + direction + ", l.id" + direction;
            if (joins[0].none()) {
                String columns = Connections.columns(sort, first, node, position, positions);
                return literalLimit(LeadQuery.pageSql(columns, ReadPlan.WORKSPACE, filter, order, first + 1, after), first + 1);
            }
            // numbered in the page, where the index gives the order; the joins need not keep it
            String numbered = "l.*, " + Connections.rowNumber(sort) + " rn";
            String page = literalLimit(LeadQuery.pageSql(numbered, ReadPlan.WORKSPACE, filter, order, first + 1, after), first + 1);
            params.addAll(joins[0].params());
            return joins[0].page(Connections.numberedColumns("l.rn", first, node, position, positions), page);
        }, () -> TotalCount.of(this, filter));
    }

    /**
     * The page's statement with its page size written into the text instead of bound: PostgreSQL plans a prepared
     * statement once (its generic plan) only when that plan costs about what a plan for the actual values does, and a
     * generic plan does not know the limit (it assumes a tenth of the table), so with {@code limit ?} every request was
     * planned again (about 1 ms of the database's CPU for the list). The size is a validated int (1..max page size + 1),
     * so there are few texts per shape and pgJDBC's server-prepared statements (prepareThreshold) are reused.
     */
    private String literalLimit(LeadQuery.PageSql page, int limit) {
        var pageParams = page.params();
        if (!page.sql().endsWith(" limit ?") || !Integer.valueOf(limit).equals(pageParams.getLast())) {
            throw new AstValues.Unsupported("page statement without a trailing limit");
        }
        params.addAll(pageParams.subList(0, pageParams.size() - 1));
        return page.sql().substring(0, page.sql().length() - 1) + limit;
    }

    /** A lead object's JSON and the joins of the lead's row it reads from. */
    private record LeadNode(String json, LeadJoins joins) {
    }

    private LeadNode leadObject(Field lead, Set<String> types) {
        var fields = Selections.of(lead.getSelectionSet(), types, fragments);
        var joins = new LeadJoins[] {LeadJoins.NONE};
        String json = object(fields, "Lead", f -> {
            if (f.getName().equals("activities")) {
                return ActivitiesSql.plan(this, f);
            }
            if (!f.getArguments().isEmpty()) {
                throw new AstValues.Unsupported("Lead." + f.getName() + " with arguments");
            }
            return switch (f.getName()) {
                case "campaign" -> {
                    joins[0] = joins[0].withCampaign();
                    yield nested(f, "Campaign", ReadFields.CAMPAIGN, ReadFields.CAMPAIGN_JSON);
                }
                case "score" -> {
                    joins[0] = joins[0].withScore();
                    yield nested(f, "LeadScore", ReadFields.SCORE, ReadFields.SCORE_JSON);
                }
                case "handoffs" -> nested(f, "Handoff", ReadFields.HANDOFF, "coalesce((select json_agg(%s order by "
                        + ReadFields.HANDOFF_ORDER + ")" + ReadFields.HANDOFF_FROM + "), '[]'::json)");
                default -> column(f, "Lead", ReadFields.LEAD);
            };
        });
        return new LeadNode(json, joins[0]);
    }

    private String nested(Field f, String type, Map<String, String> columns, String template) {
        resolvers.add("Lead." + f.getName());
        String json = object(Selections.of(f.getSelectionSet(), type, fragments), type, g -> {
            if (!g.getArguments().isEmpty()) {
                throw new AstValues.Unsupported(type + "." + g.getName() + " with arguments");
            }
            return column(g, type, columns);
        });
        return template.formatted(json);
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
