package io.leadproof.workspace;

import org.eclipse.microprofile.graphql.Description;

@Description("How MQLs reach sales.")
public enum HandoffMode {
    @Description("A handoff is created the moment a lead becomes MQL.") AUTOMATIC,
    @Description("Marketing or RevOps hands MQLs over with handoffCreate.") MANUAL
}
