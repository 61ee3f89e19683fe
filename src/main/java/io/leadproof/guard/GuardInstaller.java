package io.leadproof.guard;

import java.lang.reflect.Field;
import java.util.List;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.quarkus.arc.Arc;
import io.smallrye.graphql.spi.EventingService;

/**
 * Plugs {@link GuardInstrumentation} into SmallRye GraphQL. SmallRye builds its {@code GraphQL} instance itself and
 * offers {@link EventingService#beforeGraphQLBuild} as the extension point (registered through
 * {@code META-INF/services/io.smallrye.graphql.spi.EventingService}; no config key, so it is always on and needs no
 * CDI events). SmallRye has already set its own instrumentation (its query cache, and the optional
 * {@code instrumentation-query-depth/complexity} ones); the builder has no getter for it, so it is read reflectively
 * and kept in front of ours. If a graphql-java upgrade renames that field, the first request fails loudly instead of
 * running unguarded.
 */
public class GuardInstaller implements EventingService {

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        var container = Arc.container();
        var guard = new GuardInstrumentation(container.instance(GraphQLLimits.class).get(), container.instance(CostBudget.class).get());
        Instrumentation existing = existingInstrumentation(builder);
        return builder.instrumentation(existing == null ? guard : new ChainedInstrumentation(List.of(existing, guard)));
    }

    static Instrumentation existingInstrumentation(GraphQL.Builder builder) {
        try {
            Field field = GraphQL.Builder.class.getDeclaredField("instrumentation");
            field.setAccessible(true);
            return (Instrumentation) field.get(builder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot install the GraphQL guard: graphql-java's GraphQL.Builder changed", e);
        }
    }
}
