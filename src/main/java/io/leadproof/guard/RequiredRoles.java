package io.leadproof.guard;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.security.RolesAllowed;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * The roles a field of the response needs: the {@code @RolesAllowed} of the Java method that resolves it. The security
 * layer refuses with an exception that names no role; this finds the field from the error's path (following aliases
 * and fragments through the document) and the method from SmallRye's data fetcher of that field. Empty when either
 * cannot be found — the error then says less, never something false.
 */
final class RequiredRoles {

    private static final Map<FieldCoordinates, List<String>> CACHE = new ConcurrentHashMap<>();

    private RequiredRoles() {
    }

    /** The field as the schema names it ({@code workspaceUpdate} at the root, else {@code Campaign.totalCost}) and its roles. */
    record Access(String field, List<String> roles) {
        static final Access UNKNOWN = new Access(null, List.of());
    }

    static Access at(GraphQLSchema schema, Document document, String operationName, List<Object> path) {
        if (schema == null || document == null || path == null || path.isEmpty()) {
            return Access.UNKNOWN;
        }
        var operation = document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(o -> operationName == null || operationName.isEmpty() || operationName.equals(o.getName())).findFirst().orElse(null);
        if (operation == null) {
            return Access.UNKNOWN;
        }
        GraphQLType parent = switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
        SelectionSet set = operation.getSelectionSet();
        var fragments = document.getDefinitionsOfType(FragmentDefinition.class);
        for (int i = 0; i < path.size(); i++) {
            if (!(path.get(i) instanceof String key)) {
                continue; // a list index
            }
            var found = find(set, key, parent, schema, fragments, 0);
            if (found == null || !(found.parent() instanceof GraphQLFieldsContainer container)) {
                return Access.UNKNOWN;
            }
            var definition = container.getFieldDefinition(found.field().getName());
            if (definition == null) {
                return Access.UNKNOWN;
            }
            if (path.subList(i + 1, path.size()).stream().noneMatch(String.class::isInstance)) {
                String name = i == 0 ? definition.getName() : container.getName() + "." + definition.getName();
                return new Access(name, container instanceof GraphQLObjectType object ? roles(schema, object, definition) : List.of());
            }
            parent = GraphQLTypeUtil.unwrapAll(definition.getType());
            set = found.field().getSelectionSet();
        }
        return Access.UNKNOWN;
    }

    private record Found(graphql.language.Field field, GraphQLType parent) {
    }

    /** The field answering {@code key} in {@code set}, and the type it was selected on (a fragment may narrow it). */
    private static Found find(SelectionSet set, String key, GraphQLType parent, GraphQLSchema schema,
            List<FragmentDefinition> fragments, int depth) {
        if (set == null || depth > 32) {
            return null;
        }
        for (Selection<?> selection : set.getSelections()) {
            Found found = switch (selection) {
                case graphql.language.Field field -> key.equals(field.getAlias() != null ? field.getAlias() : field.getName())
                        ? new Found(field, parent) : null;
                case InlineFragment inline -> find(inline.getSelectionSet(), key, inline.getTypeCondition() == null ? parent
                        : schema.getType(inline.getTypeCondition().getName()), schema, fragments, depth + 1);
                case FragmentSpread spread -> fragments.stream().filter(f -> f.getName().equals(spread.getName())).findFirst()
                        .map(f -> find(f.getSelectionSet(), key, schema.getType(f.getTypeCondition().getName()), schema, fragments, depth + 1))
                        .orElse(null);
                default -> null;
            };
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The roles of one field of the schema (empty when its method cannot be found). */
    static List<String> of(GraphQLSchema schema, GraphQLObjectType parent, graphql.schema.GraphQLFieldDefinition field) {
        return schema == null || parent == null || field == null ? List.of() : roles(schema, parent, field);
    }

    static List<String> roles(GraphQLSchema schema, GraphQLObjectType parent, graphql.schema.GraphQLFieldDefinition field) {
        var coordinates = FieldCoordinates.coordinates(parent, field);
        return CACHE.computeIfAbsent(coordinates, c -> rolesOf(schema.getCodeRegistry().getDataFetcher(c, field)));
    }

    /** From SmallRye's data fetcher: its {@code operation} names the class and method that resolve the field. */
    private static List<String> rolesOf(DataFetcher<?> fetcher) {
        try {
            Object operation = null;
            for (Class<?> c = fetcher.getClass(); c != null && operation == null; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (f.getName().equals("operation") && f.getType().getName().equals("io.smallrye.graphql.schema.model.Operation")) {
                        f.setAccessible(true);
                        operation = f.get(fetcher);
                    }
                }
            }
            if (!(operation instanceof io.smallrye.graphql.schema.model.Operation op)) {
                return List.of();
            }
            Class<?> api = Class.forName(op.getClassName(), false, Thread.currentThread().getContextClassLoader());
            for (Method method : api.getMethods()) {
                if (method.getName().equals(op.getMethodName())) {
                    RolesAllowed allowed = method.isAnnotationPresent(RolesAllowed.class) ? method.getAnnotation(RolesAllowed.class)
                            : api.getAnnotation(RolesAllowed.class);
                    return allowed == null ? List.of() : List.of(allowed.value());
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // SmallRye changed: the error names no role
        }
        return List.of();
    }
}
