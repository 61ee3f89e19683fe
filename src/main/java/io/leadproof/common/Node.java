package io.leadproof.common;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.NonNull;

@Interface("Node")
@Description("An object with a global id (Relay): it can be fetched again with `node(id:)`.")
public interface Node {

    @Id
    @NonNull
    @Description("Global id, e.g. gid://leadproof/Lead/<uuid>.")
    @org.eclipse.microprofile.graphql.Name("id")
    String id();
}
