package io.leadproof.lead.read;

import java.util.Map;
import java.util.Optional;

import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;

/**
 * Compiles a validated query into one statement, or declines (empty) when any part of it is outside what it models.
 * {@link CompiledReadPlanners} tries each in turn; declining costs nothing but the look at the document.
 */
@FunctionalInterface
public interface RootPlanner {

    Optional<ReadPlan> plan(OperationDefinition operation, Map<String, FragmentDefinition> fragments, Map<String, Object> variables);
}
