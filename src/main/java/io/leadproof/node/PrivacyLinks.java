package io.leadproof.node;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.leadproof.common.NodeId;
import io.leadproof.lead.Lead;
import io.leadproof.lead.LeadService;
import io.leadproof.lead.LeadView;
import io.leadproof.privacy.PrivacyAuditRecord;
import io.leadproof.privacy.PrivacyGraphQL;
import io.leadproof.privacy.PrivacyTypes.AuditEntry;
import io.leadproof.privacy.PrivacyTypes.Erasure;
import io.leadproof.privacy.PrivacyTypes.Export;

/**
 * The lead and the audit entry of an erasure, an export and an audit entry as objects (the bare ids beside them are
 * deprecated): after leadErase a normalised cache replaces the erased lead's personal data at once. Readable wherever
 * the erasure, export or entry is (RevOps only). An erased lead keeps its row, so the link always resolves.
 */
@GraphQLApi
public class PrivacyLinks {

    @Inject
    LeadService leads;

    @Name("lead")
    @Description("The erased lead as it is now: personal data gone; id, timestamps, stage and scores kept.")
    public @NonNull LeadView erasedLead(@Source Erasure erasure) {
        return lead(erasure.leadId());
    }

    @Name("auditEntry")
    @Description("The privacy audit entry that records this erasure.")
    public @NonNull AuditEntry auditEntry(@Source Erasure erasure) {
        return PrivacyAuditRecord.<PrivacyAuditRecord>find("id", NodeId.require("PrivacyAuditEntry", erasure.auditEntryId(), "auditEntryId"))
                .firstResultOptional().map(PrivacyGraphQL::entry).orElseThrow();
    }

    @Name("exportedLead")
    @Description("The exported lead as a Node, as it is now (`lead` holds its stored columns as exported).")
    public @NonNull LeadView exportedLead(@Source Export export) {
        return lead(export.leadId());
    }

    @Name("lead")
    @Description("The lead it was done to, as it is now.")
    public List<@NonNull LeadView> auditedLead(@Source List<AuditEntry> entries) {
        Map<java.util.UUID, Lead> found = leads.findAll(entries.stream().map(e -> NodeId.require("Lead", e.leadId(), "leadId")).toList());
        return entries.stream().map(e -> LeadView.of(found.get(NodeId.require("Lead", e.leadId(), "leadId")))).toList();
    }

    private LeadView lead(String id) {
        return leads.find(NodeId.require("Lead", id, "leadId")).map(LeadView::of).orElseThrow();
    }
}
