package io.leadproof.handoff.read;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;

import io.leadproof.common.Cursors;
import io.leadproof.handoff.HandoffState;
import io.leadproof.lead.read.AstValues;
import io.leadproof.lead.read.DocumentSql;
import io.leadproof.lead.read.JsonSql;
import io.leadproof.lead.read.ReadFields;
import io.leadproof.lead.read.ReadPlan;
import io.leadproof.lead.read.Selections;

/**
 * The rep's queue, {@code myHandoffs(filter, status, overdue, first)} with {@code edges { node { … } }}, as one
 * statement: the handoff's fields, its frozen evidence (contributions and lead attributes from the row's API-shaped
 * documents, {@link DocumentSql}) and the lead as it is now. Pure: the caller's user name and the instant of the SLA flag come in. A cursor,
 * pageInfo, totalCount or any field it does not model: empty, and the general path answers (every refusal too).
 */
public final class MyHandoffsPlanner {

    private static final Set<String> ARGUMENTS = Set.of("filter", "status", "overdue", "first", "after");
    /** The queue without states asked: the open ones, as {@link HandoffState#isOpen()} says (and V150's index). */
    private static final List<String> OPEN = Stream.of(HandoffState.values()).filter(HandoffState::isOpen).map(Enum::name).toList();
    /** The only texts a state may be written into the statement as. */
    private static final Set<String> STATE_NAMES = Stream.of(HandoffState.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, Object> variables;
    private final String actor;
    private final OffsetDateTime now;
    private final List<Object> params = new ArrayList<>();
    private final Set<String> resolvers = new LinkedHashSet<>();
    private final Set<String> plain = new LinkedHashSet<>();

    private MyHandoffsPlanner(Map<String, FragmentDefinition> fragments, Map<String, Object> variables, String actor, OffsetDateTime now) {
        this.fragments = fragments;
        this.variables = variables;
        this.actor = actor;
        this.now = now;
    }

    public static Optional<ReadPlan> plan(OperationDefinition operation, Map<String, FragmentDefinition> fragments,
            Map<String, Object> variables, String actor, OffsetDateTime now) {
        var planner = new MyHandoffsPlanner(fragments, variables, actor, now);
        return JsonSql.queryPlan(operation, fragments, planner::root, planner.params, planner.resolvers, planner.plain);
    }

    private String root(Field f) {
        if (!f.getName().equals("myHandoffs")) {
            throw new AstValues.Unsupported("Query." + f.getName());
        }
        resolvers.add("Query.myHandoffs");
        var args = new HashMap<String, Object>();
        for (Argument a : f.getArguments()) {
            if (!ARGUMENTS.contains(a.getName())) {
                throw new AstValues.Unsupported("argument " + a.getName());
            }
            args.put(a.getName(), AstValues.of(a.getValue(), variables));
        }
        if (args.get("after") != null) {
            throw new AstValues.Unsupported("after");
        }
        int first = Cursors.pageSize((Integer) args.get("first"));
        Object status = args.get("status");
        Object overdue = args.get("overdue");
        if (args.get("filter") instanceof Map<?, ?> filter) {
            if (status != null || overdue != null) {
                throw new AstValues.Unsupported("filter and the deprecated arguments"); // the general path refuses it
            }
            status = filter.get("states");
            overdue = filter.get("overdue");
        }
        var asked = new LinkedHashSet<String>();
        var list = AstValues.list(status);
        if (list != null) {
            list.stream().filter(s -> s != null).forEach(s -> asked.add((String) s));
        }
        String[] states = (asked.isEmpty() ? OPEN : List.copyOf(asked)).toArray(String[]::new);
        Boolean waiting = (Boolean) overdue;
        return JsonSql.object(Selections.of(f.getSelectionSet(), "HandoffConnection", fragments), "HandoffConnection", field -> {
            if (!field.getName().equals("edges") || !field.getArguments().isEmpty()) {
                throw new AstValues.Unsupported("HandoffConnection." + field.getName());
            }
            plain.add("HandoffConnection.edges");
            var nodes = new ArrayList<String>();
            String edge = JsonSql.object(Selections.of(field.getSelectionSet(), "HandoffEdge", fragments), "HandoffEdge", e -> {
                if (!e.getName().equals("node") || !e.getArguments().isEmpty() || !nodes.isEmpty()) {
                    throw new AstValues.Unsupported("HandoffEdge." + e.getName());
                }
                plain.add("HandoffEdge.node");
                nodes.add(handoff(e)); // its parameters come first: the select list precedes the where clause
                return "p.j";
            });
            String node = nodes.isEmpty() ? "null" : nodes.getFirst();
            // the states in the text (names of the HandoffState enum, checked): a generic plan can then use the open
            // queue's partial index (V150), and the statement is not planned again for every request
            var where = new StringBuilder("h.workspace_id = ? and h.owner = ? and h.state in (" + stateList(states) + ") and h.imported = false");
            params.addAll(List.of(ReadPlan.WORKSPACE, actor));
            if (waiting != null) {
                where.append(waiting ? " and " : " and not ").append(HandoffReadFields.WAITING_PAST_DUE);
                params.add(now);
            }
            // the page size in the text, not bound: a generic plan does not know a bound limit, so PostgreSQL would plan
            // the statement again for every request (LeadsPageSql.literalLimit); a validated int, so few texts
            return "coalesce((select json_agg(" + edge + " order by p.k, p.kid) from (select " + node + " j, h.due_at k, h.id kid"
                    + " from handoff h where " + where + " order by h.due_at, h.id limit " + first + ") p), '[]'::json)";
        });
    }

    private String handoff(Field node) {
        return JsonSql.object(Selections.of(node.getSelectionSet(), "Handoff", fragments), "Handoff", f -> switch (f.getName()) {
            case "overdue" -> {
                JsonSql.column(f, "Handoff", Map.of("overdue", HandoffReadFields.OVERDUE), plain);
                params.add(now);
                yield HandoffReadFields.OVERDUE;
            }
            case "evidence" -> evidence(f);
            case "lead" -> {
                noArguments(f);
                resolvers.add("Handoff.lead");
                yield HandoffReadFields.LEAD.formatted(JsonSql.object(Selections.of(f.getSelectionSet(), "Lead", fragments), "Lead",
                        g -> JsonSql.column(g, "Lead", ReadFields.LEAD, plain)));
            }
            default -> JsonSql.column(f, "Handoff", HandoffReadFields.HANDOFF, plain);
        });
    }

    private String evidence(Field f) {
        noArguments(f);
        plain.add("Handoff.evidence");
        return JsonSql.object(Selections.of(f.getSelectionSet(), "HandoffEvidence", fragments), "HandoffEvidence", g -> switch (g.getName()) {
            case "contributions" -> list(g, "ScoreContribution", HandoffReadFields.CONTRIBUTIONS, HandoffReadFields.CONTRIBUTION_FIELDS);
            case "lead" -> list(g, "Attribute", HandoffReadFields.ATTRIBUTES, HandoffReadFields.ATTRIBUTE_FIELDS);
            default -> JsonSql.column(g, "HandoffEvidence", HandoffReadFields.EVIDENCE, plain);
        });
    }

    private String list(Field f, String type, String document, List<String> fields) {
        noArguments(f);
        plain.add("HandoffEvidence." + f.getName());
        return DocumentSql.list(Selections.of(f.getSelectionSet(), type, fragments), type, document, fields, plain);
    }

    private static String stateList(String[] states) {
        var quoted = new ArrayList<String>();
        for (String state : states) {
            if (!STATE_NAMES.contains(state)) {
                throw new AstValues.Unsupported("state " + state);
            }
            quoted.add("'" + state + "'");
        }
        return String.join(", ", quoted);
    }

    private static void noArguments(Field f) {
        if (!f.getArguments().isEmpty()) {
            throw new AstValues.Unsupported(f.getName() + " with arguments");
        }
    }
}
