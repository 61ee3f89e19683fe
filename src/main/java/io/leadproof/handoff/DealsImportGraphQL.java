package io.leadproof.handoff;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

import io.leadproof.handoff.DealImportInputs.DealsImport;
import io.leadproof.handoff.DealImportInputs.Payload;
import io.leadproof.security.Roles;

/** RevOps brings the deal history of the CRM the workspace comes from (docs/evidence.md, "dealsImport"). */
@GraphQLApi
public class DealsImportGraphQL {

    @Inject
    DealsImportService deals;

    @Mutation("dealsImport")
    @RolesAllowed(Roles.ADMIN)
    @Description("Imports past deals as imported handoffs at their stated times (idempotent by externalDealId; at most "
            + DealImportInputs.MAX_DEALS + " per call). Imported handoffs count in metrics cohorts and in the evidence analyses,"
            + " but never join a queue, notify, fire a subscription or breach an SLA; the lead need not be an MQL."
            + " Valid rows land; the others get user errors under deals.<i>.<field>.")
    public @NonNull Payload dealsImport(@NonNull @Description("The deals.") DealsImport input) {
        return deals.importDeals(input.deals());
    }
}
