package io.leadproof.evidence.backtesting;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.leadproof.common.ApiException;
import io.leadproof.common.Cursors;
import io.leadproof.common.PageInfo;
import io.leadproof.lead.LeadService;
import io.leadproof.lead.LeadView;
import io.leadproof.security.CurrentWorkspace;

/** Pages through a backtest's changed-side leads by position; cursors are sealed for the workspace. */
@ApplicationScoped
class ChangedLeadPages {

    @Inject
    EntityManager em;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    LeadService leads;

    @Transactional
    ChangedLeadTypes.Connection page(UUID backtestId, ChangedSide side, Integer first, String after) {
        int size = Cursors.pageSize(first);
        int afterPosition = position(side, after);
        String ws = workspace.id();
        var session = em.unwrap(Session.class);
        var rows = session.doReturningWork(c -> ChangedLeadRows.page(c, ws, backtestId, side, afterPosition, size + 1));
        var summary = session.doReturningWork(c -> ChangedLeadRows.summary(c, ws, backtestId, side));
        boolean more = rows.size() > size;
        var pageRows = more ? rows.subList(0, size) : rows;
        var found = leads.findAll(pageRows.stream().map(ChangedLeadRows.Row::leadId).toList());
        List<ChangedLeadTypes.Edge> edges = pageRows.stream().map(r -> new ChangedLeadTypes.Edge(cursor(side, r.position()),
                new ChangedLeadTypes.ChangedLead(found.containsKey(r.leadId()) ? LeadView.of(found.get(r.leadId())) : null,
                        r.outcome(), r.rejectionCode()))).toList();
        return new ChangedLeadTypes.Connection(summary.total(),
                summary.byOutcome().stream().map(o -> new ChangedLeadTypes.OutcomeCount(o.outcome(), o.count())).toList(),
                summary.rejectedByReason().stream().map(o -> new ChangedLeadTypes.ReasonCount(o.code(), o.count())).toList(),
                edges, PageInfo.of(edges.stream().map(ChangedLeadTypes.Edge::cursor).toList(), more, after != null));
    }

    private static String cursor(ChangedSide side, int position) {
        return Cursors.seal("backtest|" + side + "|" + position);
    }

    private static int position(ChangedSide side, String after) {
        if (after == null) {
            return -1;
        }
        String raw = Cursors.open(after);
        String prefix = "backtest|" + side + "|";
        if (raw != null && raw.startsWith(prefix)) {
            try {
                return Integer.parseInt(raw.substring(prefix.length()));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw ApiException.invalid("INVALID_CURSOR", "after is not a cursor of this list and workspace");
    }
}
