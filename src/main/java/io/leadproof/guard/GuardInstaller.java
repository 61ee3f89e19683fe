package io.leadproof.guard;

import java.lang.reflect.Field;
import java.util.List;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.leadproof.common.BatchArguments;
import io.leadproof.common.PlainFields;
import io.leadproof.lead.read.CompiledReadStrategy;
import io.quarkus.arc.Arc;
import io.smallrye.graphql.spi.EventingService;

/**
 * Plugs {@link GuardInstrumentation} into SmallRye GraphQL. SmallRye builds its {@code GraphQL} instance itself and
 * offers {@link EventingService#beforeGraphQLBuild} as the extension point (registered through
 * {@code META-INF/services/io.smallrye.graphql.spi.EventingService}; no config key, so it is always on and needs no
 * CDI events). SmallRye has already set its own instrumentation (its query cache, and the optional
 * {@code instrumentation-query-depth/complexity} ones); the builder has no getter for it, so it is read reflectively
 * and kept in front of ours. If a graphql-java upgrade renames that field, the first request fails loudly instead of
 * running unguarded. The constructor makes SmallRye's lax scalars strict ({@link StrictScalars}); plain record fields
 * get light fetchers ({@link PlainFields}); batched fields with arguments batch per set of arguments ({@link BatchArguments});
 * queries go through {@link CompiledReadStrategy} (compiled reads of the hot lead shapes).
 */
public class GuardInstaller implements EventingService {

    /**
     * SmallRye creates its event services (this class) when it starts building the schema, before it creates any type:
     * the one moment at which its scalar registry can still be changed ({@link StrictScalars}).
     */
    public GuardInstaller() {
        StrictScalars.install();
    }

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        var container = Arc.container();
        if (!StrictScalars.servedBy(builderField(builder, "graphQLSchema", graphql.schema.GraphQLSchema.class))) {
            throw new IllegalStateException("Cannot install the strict scalars: SmallRye built its schema before GuardInstaller ran");
        }
        var guard = new GuardInstrumentation(container.instance(GraphQLLimits.class).get(), container.instance(CostBudget.class).get(),
                container.instance(BucketView.class).get(), container.instance(InFlight.class).get());
        Instrumentation existing = existingInstrumentation(builder);
        builder.schema(BatchArguments.separate(PlainFields.lighten(builderField(builder, "graphQLSchema", graphql.schema.GraphQLSchema.class))));
        if (builderField(builder, "queryExecutionStrategy", graphql.execution.ExecutionStrategy.class) == null) {
            // SmallRye set none: graphql-java would build an AsyncExecutionStrategy with this handler; ours is one
            var handler = builderField(builder, "defaultExceptionHandler", graphql.execution.DataFetcherExceptionHandler.class);
            builder.queryExecutionStrategy(new CompiledReadStrategy(handler != null ? handler : new graphql.execution.SimpleDataFetcherExceptionHandler()));
        }
        return builder.instrumentation(existing == null ? guard : new ChainedInstrumentation(List.of(existing, guard)));
    }

    static Instrumentation existingInstrumentation(GraphQL.Builder builder) {
        return builderField(builder, "instrumentation", Instrumentation.class);
    }

    private static <T> T builderField(GraphQL.Builder builder, String name, Class<T> type) {
        try {
            Field field = GraphQL.Builder.class.getDeclaredField(name);
            field.setAccessible(true);
            return type.cast(field.get(builder));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot install the GraphQL guard: graphql-java's GraphQL.Builder changed", e);
        }
    }
}
