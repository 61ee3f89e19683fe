package io.leadproof.node;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.leadproof.common.ApiException;
import io.leadproof.common.Node;
import io.leadproof.security.Roles;

/** Relay's refetch entry points: any object with a global id, one at a time or in a batch. */
@GraphQLApi
public class NodeGraphQL {

    /** Most ids `nodes` takes in one call. */
    public static final int MAX_IDS = 100;

    @Inject
    NodeLookup lookup;

    @Query("node")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("Fetches an object by global id; null when this workspace has no such object.")
    public Node node(@NonNull @Id @Description("Global id.") String id) {
        return lookup.find(id);
    }

    @Query("nodes")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("Fetches objects by global id, at most " + MAX_IDS + "; in the order asked, null where this workspace has no such object.")
    public @NonNull List<Node> nodes(@NonNull @Description("Global ids, 1.." + MAX_IDS + " (typed String: SmallRye cannot coerce a list of ID arguments).") List<@NonNull String> ids) {
        if (ids.isEmpty() || ids.size() > MAX_IDS) {
            throw ApiException.invalid("TOO_MANY_IDS", "nodes takes 1.." + MAX_IDS + " ids; got " + ids.size());
        }
        return ids.stream().map(lookup::find).toList();
    }
}
