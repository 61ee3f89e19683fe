package io.leadproof.node;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Source;

import io.leadproof.common.NodeId;
import io.leadproof.handoff.HandoffService;
import io.leadproof.handoff.HandoffTypes.HandoffView;
import io.leadproof.privacy.PrivacyTypes.ExportedHandoff;

/** Links of the privacy export to the live objects, so a client cache keeps one record per object. */
@GraphQLApi
public class ExportLinks {

    @Inject
    HandoffService handoffs;

    @Name("handoff")
    @Description("The handoff as it is now (a Node); the fields beside it are the stored columns as exported. Readable wherever the export is (RevOps only).")
    public HandoffView handoff(@Source ExportedHandoff exported) {
        return handoffs.view(NodeId.require("Handoff", exported.handoffId(), "handoffId")).orElse(null);
    }
}
