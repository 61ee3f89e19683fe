package io.leadproof.handoff.read;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;

import io.leadproof.lead.read.ReadPlan;
import io.leadproof.security.CurrentWorkspace;
import io.quarkus.arc.Arc;

/** The compiled reads' planner of {@code myHandoffs}: {@link MyHandoffsPlanner} for the caller, as of the application clock. */
public final class MyHandoffsReads {

    private MyHandoffsReads() {
    }

    public static Optional<ReadPlan> plan(OperationDefinition operation, Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
        if (!mentionsMyHandoffs(operation)) {
            return Optional.empty(); // the other roots decline without touching the container
        }
        var container = Arc.container();
        String actor = container.instance(CurrentWorkspace.class).get().actor();
        var now = container.instance(Clock.class).get().instant().atOffset(ZoneOffset.UTC);
        return MyHandoffsPlanner.plan(operation, fragments, variables, actor, now);
    }

    private static boolean mentionsMyHandoffs(OperationDefinition operation) {
        return operation.getSelectionSet().getSelections().stream()
                .anyMatch(s -> s instanceof graphql.language.Field f && f.getName().equals("myHandoffs")
                        || !(s instanceof graphql.language.Field));
    }
}
