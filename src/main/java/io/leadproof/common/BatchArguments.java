package io.leadproof.common;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;

import org.dataloader.DataLoader;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DelegatingDataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import io.smallrye.graphql.execution.datafetcher.BatchDataFetcher;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.Type;

/**
 * One batch per set of arguments for the batched fields that take arguments ({@code @Source List<...>} resolvers such
 * as {@code Lead.activities(first, after)}). SmallRye gives each such field one data loader per request, named by type
 * and field, and calls the resolver once with every source of the request and the arguments of the FIRST load — so
 * {@code a: activities(first: 1) b: activities(first: 5)} on one lead answered {@code b} with {@code a}'s page size.
 * Here each distinct set of arguments gets its own loader (a copy of SmallRye's, registered in the request's registry
 * under the field's loader name and the arguments), so the resolver is called once per set with the sources that asked
 * for it. Requests whose loads of a field all take the same arguments are batched as before.
 */
public final class BatchArguments {

    private BatchArguments() {
    }

    /** {@code schema} with every SmallRye batch fetcher of a field with arguments routed by its arguments. */
    public static GraphQLSchema separate(GraphQLSchema schema) {
        Map<FieldCoordinates, DataFetcher<?>> replaced = new HashMap<>();
        for (var type : schema.getAllTypesAsList()) {
            if (type instanceof GraphQLObjectType object && !object.getName().startsWith("__")) {
                for (GraphQLFieldDefinition definition : object.getFieldDefinitions()) {
                    var coordinates = FieldCoordinates.coordinates(object, definition);
                    if (!definition.getArguments().isEmpty()
                            && schema.getCodeRegistry().getDataFetcher(coordinates, definition) instanceof BatchDataFetcher<?> smallrye) {
                        try {
                            replaced.put(coordinates, new ByArguments(smallrye));
                        } catch (ReflectiveOperationException e) {
                            throw new IllegalStateException("Cannot batch " + coordinates + " by its arguments: SmallRye's BatchDataFetcher changed", e);
                        }
                    }
                }
            }
        }
        return schema.transformWithoutTypes(b -> b.codeRegistry(schema.getCodeRegistry().transform(r -> replaced.forEach(r::dataFetcher))));
    }

    /** The name of the loader that serves {@code arguments} of the loader {@code name} (the coerced values, in definition order). */
    static String loaderName(String name, Map<String, Object> arguments) {
        return name + arguments;
    }

    /**
     * SmallRye's batch fetcher of the same operation (so the guard still finds the resolver's roles in it), whose
     * loads go to the loader of their arguments.
     */
    static final class ByArguments extends BatchDataFetcher<Object> {

        ByArguments(BatchDataFetcher<?> smallrye) throws ReflectiveOperationException {
            super(read(smallrye, "operation", Operation.class), read(smallrye, "type", Type.class));
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            return super.get(new DelegatingDataFetchingEnvironment(environment) {
                @Override
                public <K, V> DataLoader<K, V> getDataLoader(String name) {
                    var registry = environment.getDataLoaderRegistry();
                    DataLoader<?, ?> shared = registry.getDataLoader(name);
                    if (shared == null) {
                        return environment.getDataLoader(name);
                    }
                    String own = loaderName(name, environment.getArguments());
                    registry.computeIfAbsent(own, n -> shared.transform(b -> b.name(n)));
                    return environment.getDataLoader(own);
                }
            });
        }

        private static <T> T read(Object owner, String name, Class<T> type) throws ReflectiveOperationException {
            Field f = BatchDataFetcher.class.getDeclaredField(name);
            f.setAccessible(true);
            return type.cast(f.get(owner));
        }
    }
}
