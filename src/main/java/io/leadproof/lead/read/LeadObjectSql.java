package io.leadproof.lead.read;

import java.util.Map;
import java.util.Set;

import graphql.language.Field;

/**
 * A Lead object of a read plan as one {@code json_build_object} over the lead's row ({@code l}): its columns, its
 * activities (a subquery, {@link ActivitiesSql}), its handoffs (an aggregate), and its campaign and score, which
 * read joined rows ({@link LeadJoins}) that the statement around it adds.
 */
final class LeadObjectSql {

    private LeadObjectSql() {
    }

    /** A lead object's JSON and the joins of the lead's row it reads from. */
    record LeadNode(String json, LeadJoins joins) {
    }

    static LeadNode plan(ReadPlanner planner, Field lead, Set<String> types) {
        var fields = Selections.of(lead.getSelectionSet(), types, planner.fragments());
        var joins = new LeadJoins.Gathered();
        String json = planner.object(fields, "Lead", f -> {
            if (f.getName().equals("activities")) {
                return ActivitiesSql.plan(planner, f);
            }
            if (!f.getArguments().isEmpty()) {
                throw new AstValues.Unsupported("Lead." + f.getName() + " with arguments");
            }
            return switch (f.getName()) {
                case "campaign" -> {
                    joins.value = joins.value.withCampaign();
                    yield nested(planner, f, "Campaign", ReadFields.CAMPAIGN, ReadFields.CAMPAIGN_JSON);
                }
                case "score" -> {
                    joins.value = joins.value.withScore();
                    yield nested(planner, f, "LeadScore", ReadFields.SCORE, ReadFields.SCORE_JSON);
                }
                case "handoffs" -> nested(planner, f, "Handoff", ReadFields.HANDOFF, "coalesce((select json_agg(%s order by "
                        + ReadFields.HANDOFF_ORDER + ")" + ReadFields.HANDOFF_FROM + "), '[]'::json)");
                default -> planner.column(f, "Lead", ReadFields.LEAD);
            };
        });
        return new LeadNode(json, joins.value);
    }

    private static String nested(ReadPlanner planner, Field f, String type, Map<String, String> columns, String template) {
        planner.resolver("Lead." + f.getName());
        String json = planner.object(Selections.of(f.getSelectionSet(), type, planner.fragments()), type, g -> {
            if (!g.getArguments().isEmpty()) {
                throw new AstValues.Unsupported(type + "." + g.getName() + " with arguments");
            }
            return planner.column(g, type, columns);
        });
        return template.formatted(json);
    }
}
