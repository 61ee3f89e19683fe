package io.leadproof.evidence.prediction;

import io.leadproof.e2e.Api;

/** A predictive model of workspace acme for the role matrix's probes: the newest one, or one trained by ada.admin. */
public final class AcmeModel {

    private static volatile String id;

    private AcmeModel() {
    }

    public static synchronized String id() {
        if (id == null) {
            Api ada = Api.as("ada.admin");
            ada.ok("mutation { predictiveModelTrain(input: { note: \"role matrix fixture\" }) { userErrors { code } } }");
            id = ada.ok("{ predictiveModels(first: 1) { edges { node { id } } } }").getString("data.predictiveModels.edges[0].node.id");
        }
        return id;
    }
}
