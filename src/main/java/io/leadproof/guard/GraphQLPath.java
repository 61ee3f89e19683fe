package io.leadproof.guard;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The path the GraphQL endpoint is served on, as the guard's routes need it (with a leading slash). The value has one
 * home, {@code quarkus.smallrye-graphql.root-path} in application.properties: no second default here.
 */
@ApplicationScoped
public class GraphQLPath {

    @ConfigProperty(name = "quarkus.smallrye-graphql.root-path")
    String rootPath;

    /** {@code /graphql} for a root path of {@code /graphql} or {@code graphql}. */
    public String path() {
        return rootPath.startsWith("/") ? rootPath : "/" + rootPath;
    }
}
