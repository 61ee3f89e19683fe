package io.leadproof.common;

import java.util.Map;

import graphql.Scalars;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLUnionType;
import graphql.schema.TypeResolver;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.SchemaTransformer;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import io.smallrye.graphql.spi.EventingService;

/**
 * What each custom scalar is, with its specification URL ({@code @specifiedBy}), so a strict code generator can map it
 * to a client type. SmallRye describes its built-in scalars as "Scalar for DateTime" and offers no specifiedBy, and it
 * creates the scalars before any extension point; so the built schema is rewritten just before SmallRye finishes it
 * (registered in {@code META-INF/services/io.smallrye.graphql.spi.EventingService}).
 */
public class ScalarSpecifications implements EventingService {

    record Specification(String description, String url) {
    }

    static final Map<String, Specification> SCALARS = Map.of(
            "DateTime", new Specification("An instant as an RFC 3339 date-time string with its UTC offset, e.g. \"2026-03-01T09:30:00Z\"; "
                    + "input without an offset is refused.", "https://www.rfc-editor.org/rfc/rfc3339#section-5.6"),
            "Date", new Specification("A calendar day without time zone as an RFC 3339 full-date string, e.g. \"2026-03-01\".",
                    "https://www.rfc-editor.org/rfc/rfc3339#section-5.6"),
            "Decimal", new Specification("An exact decimal number serialised as a string, e.g. \"1234.50\", with at most 40 digits before "
                    + "and after the point. Never a binary float: parse it with a decimal library.",
                    "https://docs.oracle.com/en/java/javase/25/docs/api/java.base/java/math/BigDecimal.html#%3Cinit%3E(java.lang.String)"),
            "BigInteger", new Specification("A whole number that may exceed 32 bits (counts over large cohorts), serialised as a JSON "
                    + "number; map it to a 64-bit integer or bigint.", "https://www.rfc-editor.org/rfc/rfc8259#section-6"),
            "BigDecimal", new Specification("A decimal JSON number. Only the float bounds of the @constraint directive use it; amounts are "
                    + "Decimal.", "https://www.rfc-editor.org/rfc/rfc8259#section-6"));

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQLSchema.Builder beforeSchemaBuild(GraphQLSchema.Builder builder) {
        GraphQLSchema described = SchemaTransformer.transformSchema(builder.build(), new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLScalarType(GraphQLScalarType scalar, TraverserContext<GraphQLSchemaElement> context) {
                Specification spec = SCALARS.get(scalar.getName());
                if (spec == null) {
                    return TraversalControl.CONTINUE;
                }
                return changeNode(context, scalar.transform(b -> {
                    b.description(spec.description()).specifiedByUrl(spec.url());
                    if (scalar.getAppliedDirective("specifiedBy") == null) {
                        // the SDL printer shows only applied directives, not specifiedByUrl
                        b.withAppliedDirective(GraphQLAppliedDirective.newDirective().name("specifiedBy")
                                .argument(GraphQLAppliedDirectiveArgument.newArgument().name("url").type(Scalars.GraphQLString)
                                        .valueProgrammatic(spec.url())));
                    }
                }));
            }
        });
        return GraphQLSchema.newSchema(described).codeRegistry(byName(described));
    }

    /**
     * The rewrite gives every object type that reaches a rewritten scalar a new instance, while SmallRye's type
     * resolvers hand back the instances they built before; graphql-java matches a fragment's type condition by instance,
     * so {@code ... on ScoringJob} would silently select nothing. Each interface's and union's resolver is wrapped to
     * answer the rewritten schema's type of the same name.
     */
    private static GraphQLCodeRegistry byName(GraphQLSchema schema) {
        GraphQLCodeRegistry registry = schema.getCodeRegistry();
        return registry.transform(code -> {
            for (GraphQLNamedType type : schema.getAllTypesAsList()) {
                TypeResolver resolver = type instanceof GraphQLInterfaceType i ? registry.getTypeResolver(i)
                        : type instanceof GraphQLUnionType u ? registry.getTypeResolver(u) : null;
                if (resolver == null) {
                    continue;
                }
                TypeResolver sameName = env -> {
                    GraphQLObjectType resolved = resolver.getType(env);
                    return resolved == null ? null : env.getSchema().getObjectType(resolved.getName());
                };
                if (type instanceof GraphQLInterfaceType i) {
                    code.typeResolver(i, sameName);
                } else {
                    code.typeResolver((GraphQLUnionType) type, sameName);
                }
            }
        });
    }
}
