package io.leadproof.guard;

import java.util.List;

import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;

import io.leadproof.common.PlainFields;

/**
 * What reads a field of the served schema, for code that answers fields without graphql-java (the compiled reads):
 * the roles of its resolver ({@code @RolesAllowed}, as {@link RequiredRoles} finds them) and whether it is a plain
 * record field ({@link PlainFields}), which runs none of our code and checks nothing.
 */
public final class FieldRoles {

    private FieldRoles() {
    }

    /** The roles of {@code Type.field}'s resolver (empty: none); null when the schema has no such object field. */
    public static List<String> of(GraphQLSchema schema, String coordinate) {
        var field = field(schema, coordinate);
        return field == null ? null : RequiredRoles.roles(schema, (GraphQLObjectType) schema.getType(type(coordinate)), field);
    }

    /** Whether {@code Type.field} is a plain record field served by a light fetcher. */
    public static boolean plain(GraphQLSchema schema, String coordinate) {
        var field = field(schema, coordinate);
        return field != null && PlainFields.isPlain(schema.getCodeRegistry().getDataFetcher(
                (GraphQLObjectType) schema.getType(type(coordinate)), field));
    }

    private static graphql.schema.GraphQLFieldDefinition field(GraphQLSchema schema, String coordinate) {
        return schema.getType(type(coordinate)) instanceof GraphQLObjectType object
                ? object.getFieldDefinition(coordinate.substring(coordinate.indexOf('.') + 1)) : null;
    }

    private static String type(String coordinate) {
        return coordinate.substring(0, coordinate.indexOf('.'));
    }
}
