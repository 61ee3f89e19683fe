package io.leadproof.lead.read;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;

import io.leadproof.common.Cursors;
import io.leadproof.common.NodeId;
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

    private ReadPlanner(Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
        this.fragments = fragments;
        this.variables = variables;
    }

    static Optional<ReadPlan> plan(OperationDefinition operation, Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
        if (operation.getOperation() != OperationDefinition.Operation.QUERY || !operation.getDirectives().isEmpty()) {
            return Optional.empty();
        }
        var planner = new ReadPlanner(fragments, variables);
        try {
            String data = planner.object(Selections.of(operation.getSelectionSet(), "Query", fragments), "Query", planner::root);
            return Optional.of(new ReadPlan("select " + data + "::text", List.copyOf(planner.params), Set.copyOf(planner.resolvers),
                    Set.copyOf(planner.plain)));
        } catch (RuntimeException unsupported) {
            return Optional.empty();
        }
    }

    private interface FieldSql {
        String of(Field field);
    }

    private String object(List<Field> fields, String type, FieldSql sql) {
        if (fields.size() > MAX_KEYS) {
            throw new AstValues.Unsupported("too many fields");
        }
        var parts = new ArrayList<String>();
        for (Field f : fields) {
            String key = Selections.key(f);
            parts.add("'" + key + "', " + (f.getName().equals("__typename") ? "'" + type + "'" : sql.of(f)));
        }
        return "json_build_object(" + String.join(", ", parts) + ")";
    }

    private String root(Field f) {
        return switch (f.getName()) {
            case "leads" -> leads(f);
            case "lead" -> lead(f);
            default -> throw new AstValues.Unsupported("Query." + f.getName());
        };
    }

    private String lead(Field f) {
        resolvers.add("Query.lead");
        Map<String, Object> args = LeadArguments.of(f, variables, Set.of("id"));
        UUID id = NodeId.parse("Lead", (String) args.get("id"));
        if (id == null) {
            throw new AstValues.Unsupported("lead id");
        }
        var node = leadObject(f);
        params.add(ReadPlan.WORKSPACE);
        params.add(id);
        return "(select " + node.json() + " from lead l" + node.joins() + " where l.workspace_id = ? and l.id = ?)";
    }

    private String leads(Field f) {
        resolvers.add("Query.leads");
        Map<String, Object> args = LeadArguments.of(f, variables, Set.of("first", "after", "filter", "orderBy"));
        int first = Cursors.pageSize((Integer) args.get("first"));
        var order = LeadArguments.order(args.get("orderBy"));
        var filter = LeadArguments.filter(args.get("filter"));
        String after = (String) args.get("after");
        return object(Selections.of(f.getSelectionSet(), "LeadConnection", fragments), "LeadConnection", field -> {
            if (!field.getName().equals("edges") || !field.getArguments().isEmpty()) {
                throw new AstValues.Unsupported("LeadConnection." + field.getName());
            }
            plain.add("LeadConnection.edges");
            var edge = Selections.of(field.getSelectionSet(), "LeadEdge", fragments);
            var nodes = new ArrayList<Field>();
            String edgeJson = object(edge, "LeadEdge", e -> {
                if (!e.getName().equals("node") || !e.getArguments().isEmpty()) {
                    throw new AstValues.Unsupported("LeadEdge." + e.getName());
                }
                plain.add("LeadEdge.node");
                nodes.add(e);
                return "p.j";
            });
            var node = nodes.isEmpty() ? new LeadSql("null", "") : leadObject(nodes.getFirst());
            String column = LeadQuery.sortColumn(order);
            // the page's leads first, then what is joined to them and their objects
            var page = LeadQuery.pageSql("l.*", ReadPlan.WORKSPACE, filter, order, first, after);
            String direction = page.ascending() ? " asc" : " desc";
            return "coalesce((select json_agg(" + edgeJson + " order by p.k" + direction + ", p.kid" + direction + ") from (select "
                    + node.json() + " j, " + column + " k, l.id kid from (" + literalLimit(page, first) + ") l" + node.joins()
                    + ") p), '[]'::json)";
        });
    }

    /**
     * The page's statement with its page size written into the text instead of bound: PostgreSQL plans a prepared
     * statement once (its generic plan) only when that plan costs about what a plan for the actual values does, and a
     * generic plan does not know the limit (it assumes a tenth of the table), so with {@code limit ?} every request was
     * planned again (about 1 ms of the database's CPU for the list). The size is a validated int (1..max page size), so
     * there are few texts per shape and pgJDBC's server-prepared statements (prepareThreshold) are reused.
     */
    private String literalLimit(LeadQuery.PageSql page, int first) {
        var pageParams = page.params();
        if (!page.sql().endsWith(" limit ?") || !Integer.valueOf(first).equals(pageParams.getLast())) {
            throw new AstValues.Unsupported("page statement without a trailing limit");
        }
        params.addAll(pageParams.subList(0, pageParams.size() - 1));
        return page.sql().substring(0, page.sql().length() - 1) + first;
    }

    /** A lead's JSON object, and the joins to the lead row {@code l} that it reads ("" or the campaign's). */
    private record LeadSql(String json, String joins) {
    }

    private LeadSql leadObject(Field lead) {
        var joins = new StringBuilder();
        String json = object(Selections.of(lead.getSelectionSet(), "Lead", fragments), "Lead", f -> {
            if (!f.getArguments().isEmpty()) {
                throw new AstValues.Unsupported("Lead." + f.getName() + " with arguments");
            }
            return switch (f.getName()) {
                case "campaign" -> {
                    if (joins.isEmpty()) { // once, however many aliases select it
                        joins.append(ReadFields.CAMPAIGN_JOIN);
                    }
                    yield nested(f, "Campaign", ReadFields.CAMPAIGN, "case when c.id is null then null else %s end");
                }
                case "score" -> {
                    String score = nested(f, "LeadScore", ReadFields.SCORE, "(select %s" + ReadFields.SCORE_FROM + ")");
                    params.add(ReadPlan.WORKSPACE); // the served version's lookup, after the score's fields (they bind nothing)
                    yield score;
                }
                case "handoffs" -> nested(f, "Handoff", ReadFields.HANDOFF, "coalesce((select json_agg(%s order by "
                        + ReadFields.HANDOFF_ORDER + ")" + ReadFields.HANDOFF_FROM + "), '[]'::json)");
                default -> column(f, "Lead", ReadFields.LEAD);
            };
        });
        return new LeadSql(json, joins.toString());
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

    private String column(Field f, String type, Map<String, String> columns) {
        String sql = columns.get(f.getName());
        if (sql == null || f.getSelectionSet() != null) {
            throw new AstValues.Unsupported(type + "." + f.getName());
        }
        plain.add(type + "." + f.getName());
        return sql;
    }
}
