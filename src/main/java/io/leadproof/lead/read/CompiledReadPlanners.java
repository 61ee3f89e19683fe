package io.leadproof.lead.read;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;

import io.leadproof.criteria.read.CriteriaVersionReads;
import io.leadproof.handoff.read.MyHandoffsReads;

/**
 * The planners of the compiled reads, tried in order, the lead planner first: the first plan wins. Each answers the
 * whole request or nothing, so a query whose root fields belong to two planners takes the general path.
 */
public final class CompiledReadPlanners {

    static final List<RootPlanner> ALL = List.of(ReadPlanner::plan, MyHandoffsReads::plan, CriteriaVersionReads::plan);

    private CompiledReadPlanners() {
    }

    static Optional<ReadPlan> plan(OperationDefinition operation, Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
        for (RootPlanner planner : ALL) {
            var plan = planner.plan(operation, fragments, variables);
            if (plan.isPresent()) {
                return plan;
            }
        }
        return Optional.empty();
    }
}
