package io.leadproof.common;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.LightDataFetcher;
import io.smallrye.graphql.execution.datafetcher.FieldDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.FieldHelper;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.transformation.AbstractDataFetcherException;

/**
 * Plain fields of our API records (a lead's email, a score's total: an accessor, no resolver of ours) are read by a
 * light fetcher instead of SmallRye's {@code FieldDataFetcher}. SmallRye's fetcher rebuilds its request context for
 * every such field — the field's selection set walked twice into JSON arrays, its path and execution id as strings —
 * which only code that injects SmallRye's {@code Context} could read, and an accessor reads nothing. A list of 50 leads
 * with nested fields has about a thousand of them per request (the largest share of the app's CPU per request in
 * the profile, docs/benchmarks.md "Read path, second pass").
 *
 * <p>The answer is the same: the accessor SmallRye would call, then SmallRye's own output transformation ({@link
 * FieldHelper}: dates, numbers, adapters) for every field that has one; fields without one return the accessor's
 * value as is, without graphql-java building a {@code DataFetchingEnvironment} for them ({@link LightDataFetcher}).
 * If SmallRye's fetcher changes shape (a private field renamed), its fetchers are kept and a warning is logged once.
 */
public final class PlainFields {

    private static final Logger LOG = Logger.getLogger(PlainFields.class);

    private PlainFields() {
    }

    /** {@code schema} with every SmallRye field fetcher replaced by a {@link Light} one. */
    public static GraphQLSchema lighten(GraphQLSchema schema) {
        Map<FieldCoordinates, DataFetcher<?>> replaced = new HashMap<>();
        try {
            for (var type : schema.getAllTypesAsList()) {
                if (type instanceof GraphQLObjectType object && !object.getName().startsWith("__")) {
                    for (GraphQLFieldDefinition definition : object.getFieldDefinitions()) {
                        var coordinates = FieldCoordinates.coordinates(object, definition);
                        if (schema.getCodeRegistry().getDataFetcher(coordinates, definition) instanceof FieldDataFetcher<?> smallrye) {
                            replaced.put(coordinates, Light.of(smallrye));
                        }
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("SmallRye's field fetchers kept (their shape changed): %s", e);
            return schema;
        }
        return schema.transformWithoutTypes(b -> b.codeRegistry(schema.getCodeRegistry().transform(r -> replaced.forEach(r::dataFetcher))));
    }

    /** Whether {@code fetcher} is one of the light fetchers: it reads a property and runs none of our code. */
    public static boolean isPlain(DataFetcher<?> fetcher) {
        return fetcher instanceof Light;
    }

    /** Reads one plain field: the accessor, then SmallRye's output transformation where the field has one. */
    static final class Light implements LightDataFetcher<Object> {

        private final io.smallrye.graphql.schema.model.Field field;
        private final Reference owner;
        private final FieldHelper helper;
        private final boolean asIs;
        private volatile MethodHandle accessor;

        private Light(io.smallrye.graphql.schema.model.Field field, Reference owner, FieldHelper helper) {
            this.field = field;
            this.owner = owner;
            this.helper = helper;
            this.asIs = asIs(field);
        }

        static Light of(FieldDataFetcher<?> smallrye) throws ReflectiveOperationException {
            return new Light(read(smallrye, "field", io.smallrye.graphql.schema.model.Field.class), read(smallrye, "owner", Reference.class),
                    read(smallrye, "fieldHelper", FieldHelper.class));
        }

        /** Whether SmallRye's transformation would return the value unchanged: no wrapper, adapter, format or scalar mapping. */
        static boolean asIs(io.smallrye.graphql.schema.model.Field field) {
            Reference reference = field.getReference();
            boolean mappedScalar = reference.getType() == ReferenceType.SCALAR
                    && !reference.getClassName().equals(reference.getGraphQLClassName());
            return !field.hasWrapper() && !field.hasTransformation() && !field.isAdaptingTo() && !field.isAdaptingWith() && !mappedScalar;
        }

        @Override
        public Object get(GraphQLFieldDefinition definition, Object source, Supplier<DataFetchingEnvironment> environment) throws Exception {
            Object value;
            try {
                value = accessor().invokeExact(source);
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
            if (asIs || value == null) {
                return value;
            }
            try {
                return helper.transformOrAdaptResponse(value, environment.get());
            } catch (AbstractDataFetcherException e) {
                LOG.debugf("Output transformation of %s failed: %s", field.getName(), e);
                return value; // as SmallRye's own fetcher does
            }
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            return get(environment.getFieldDefinition(), environment.getSource(), () -> environment);
        }

        private MethodHandle accessor() throws ReflectiveOperationException {
            MethodHandle handle = accessor;
            if (handle == null) {
                Class<?> type = ClassloadingService.get().loadClass(owner.getClassName());
                var lookup = MethodHandles.publicLookup();
                handle = field.getMethodName() == null ? lookup.unreflectGetter(type.getField(field.getPropertyName()))
                        : lookup.unreflect(type.getMethod(field.getMethodName()));
                handle = handle.asType(MethodType.methodType(Object.class, Object.class));
                accessor = handle;
            }
            return handle;
        }

        private static <T> T read(Object owner, String name, Class<T> type) throws ReflectiveOperationException {
            Field f = FieldDataFetcher.class.getDeclaredField(name);
            f.setAccessible(true);
            return type.cast(f.get(owner));
        }
    }
}
