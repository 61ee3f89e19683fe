package io.leadproof.privacy;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.leadproof.common.Cursors;
import io.leadproof.common.InputProblems;
import io.leadproof.common.NodeId;
import io.leadproof.common.PageInfo;
import io.leadproof.lead.Lead;
import io.leadproof.lead.LeadView;
import io.leadproof.privacy.PrivacyTypes.AuditConnection;
import io.leadproof.privacy.PrivacyTypes.AuditEdge;
import io.leadproof.privacy.PrivacyTypes.AuditEntry;
import io.leadproof.privacy.PrivacyTypes.ErasePayload;
import io.leadproof.privacy.PrivacyTypes.ExportPayload;
import io.leadproof.security.Roles;

/** GDPR/CCPA: erase and export a lead, both audited (docs/privacy.md). RevOps admins only. */
@GraphQLApi
public class PrivacyGraphQL {

    private static final String AUDIT_ORDER = "OCCURRED_AT_DESC";

    @Inject
    PrivacyService privacy;

    @Mutation("leadErase")
    @RolesAllowed(Roles.ADMIN)
    @Description("Erases the lead's personal data (identity, contact, company identity, job title, custom attributes, activity "
            + "properties, quoted evidence, notes) and keeps the anonymised facts, so every metric stays the same. Irreversible; "
            + "idempotent; audited.")
    public @NonNull ErasePayload leadErase(@NonNull @Description("The erasure.") PrivacyInputs.Erase input) {
        var problems = new InputProblems();
        String reference = problems.text(input.reference(), PrivacyInputs.REFERENCE_MAX, "reference");
        if (!problems.isEmpty()) {
            return new ErasePayload(null, problems.errors());
        }
        return privacy.erase(NodeId.require("Lead", input.leadId(), "leadId"), input, reference);
    }

    @Mutation("leadExport")
    @RolesAllowed(Roles.ADMIN)
    @Description("Everything held about the lead, as structured data. A mutation because it is audited: every export is written "
            + "to the privacy audit.")
    public @NonNull ExportPayload leadExport(@NonNull @Description("The export.") PrivacyInputs.Export input) {
        var problems = new InputProblems();
        String reference = problems.text(input.reference(), PrivacyInputs.REFERENCE_MAX, "reference");
        if (!problems.isEmpty()) {
            return new ExportPayload(null, problems.errors());
        }
        return privacy.export(NodeId.require("Lead", input.leadId(), "leadId"), reference);
    }

    @Query("privacyAudit")
    @RolesAllowed(Roles.ADMIN)
    @Description("Erasures and exports of the workspace, newest first.")
    public @NonNull AuditConnection privacyAudit(
            @Description("Page size, 1.." + Cursors.MAX_PAGE + " (default " + Cursors.DEFAULT_PAGE + ").") Integer first,
            @Description("Cursor of the last edge of the previous page.") String after,
            @Description("Conditions the entries must meet.") PrivacyInputs.AuditFilter filter,
            @io.smallrye.graphql.api.Deprecated(reason = "Use filter: {leadId: ...}. Removed in the next release.")
            @Id @Description("Only entries about this lead.") String leadId,
            @io.smallrye.graphql.api.Deprecated(reason = "Use filter: {actions: [...]}. Removed in the next release.")
            @Description("Only entries of this action.") PrivacyAction action) {
        int size = Cursors.pageSize(first);
        var asking = PrivacyInputs.AuditFilter.of(filter, leadId, action);
        UUID lead = asking.leadId() == null ? null : NodeId.require("Lead", asking.leadId(), "filter.leadId");
        var page = privacy.audit(lead, asking.actions(), size, Cursors.decode(AUDIT_ORDER, after));
        var edges = page.entries().stream()
                .map(e -> new AuditEdge(Cursors.encode(AUDIT_ORDER, e.occurredAt().toString(), e.id()), entry(e))).toList();
        return new AuditConnection(edges, PageInfo.of(edges.stream().map(e -> e.cursor()).toList(), page.hasNext(), after != null),
                page.counter());
    }

    @Name("totalCount")
    @Description("Entries matching the filters, on all pages; counted only when asked.")
    public int totalCount(@Source AuditConnection connection) {
        return connection.counter().getAsInt();
    }

    @Name("erasedAt")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("When the lead's personal data was erased; null when it was not. An erased lead keeps its facts, not who it was.")
    public List<OffsetDateTime> erasedAt(@Source List<LeadView> leads) {
        Map<UUID, OffsetDateTime> erased = new HashMap<>();
        var ids = leads.stream().map(LeadView::uuid).toList();
        if (!ids.isEmpty()) {
            Lead.<Lead>list("id in ?1 and erasedAt is not null", ids).forEach(l -> erased.put(l.id(), LeadExporter.utc(l.erasedAt())));
        }
        return leads.stream().map(l -> erased.get(l.uuid())).toList();
    }

    public static AuditEntry entry(PrivacyAuditRecord r) {
        return new AuditEntry(NodeId.of("PrivacyAuditEntry", r.id()), r.action(), NodeId.of("Lead", r.leadId()), r.actor(),
                LeadExporter.utc(r.occurredAt()), r.reason(), r.reference(), PrivacyService.render(r.details()));
    }
}
