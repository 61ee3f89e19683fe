package io.leadproof.criteria.read;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;

import io.leadproof.common.NodeId;
import io.leadproof.lead.read.AstValues;
import io.leadproof.lead.read.DocumentSql;
import io.leadproof.lead.read.JsonSql;
import io.leadproof.lead.read.ReadPlan;
import io.leadproof.lead.read.Selections;

/**
 * {@code criteriaVersion(id:)} with its rules as one statement: the version's columns and its rules as the API renders
 * them, from the stored API document ({@link DocumentSql}). Pure. A linked object (model, basedOnVersion, scoringJob, backtests,
 * a rule's rationale) or a malformed id: empty, and the general path answers.
 */
public final class CriteriaVersionReads {

    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, Object> variables;
    private final List<Object> params = new ArrayList<>();
    private final Set<String> resolvers = new LinkedHashSet<>();
    private final Set<String> plain = new LinkedHashSet<>();

    private CriteriaVersionReads(Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
        this.fragments = fragments;
        this.variables = variables;
    }

    public static Optional<ReadPlan> plan(OperationDefinition operation, Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
        var planner = new CriteriaVersionReads(fragments, variables);
        return JsonSql.queryPlan(operation, fragments, planner::root, planner.params, planner.resolvers, planner.plain);
    }

    private String root(Field f) {
        if (!f.getName().equals("criteriaVersion") || f.getArguments().size() != 1) {
            throw new AstValues.Unsupported("Query." + f.getName());
        }
        resolvers.add("Query.criteriaVersion");
        Argument id = f.getArguments().getFirst();
        UUID uuid = id.getName().equals("id") && AstValues.of(id.getValue(), variables) instanceof String text
                ? NodeId.parse("CriteriaVersion", text) : null;
        if (uuid == null) {
            throw new AstValues.Unsupported("criteriaVersion id");
        }
        String version = JsonSql.object(Selections.of(f.getSelectionSet(), "CriteriaVersion", fragments), "CriteriaVersion",
                g -> g.getName().equals("rules") ? rules(g) : JsonSql.column(g, "CriteriaVersion", VersionReadFields.VERSION, plain));
        params.add(ReadPlan.WORKSPACE);
        params.add(uuid);
        return "(select " + version + " from criteria_version v where v.workspace_id = ? and v.id = ?)";
    }

    private String rules(Field f) {
        if (!f.getArguments().isEmpty()) {
            throw new AstValues.Unsupported("rules with arguments");
        }
        plain.add("CriteriaVersion.rules");
        return DocumentSql.list(Selections.of(f.getSelectionSet(), "CriteriaRule", fragments), "CriteriaRule", VersionReadFields.RULES,
                VersionReadFields.RULE_FIELDS, plain);
    }
}
