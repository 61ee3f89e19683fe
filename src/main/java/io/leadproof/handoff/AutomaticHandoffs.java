package io.leadproof.handoff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.leadproof.lead.Lead;
import io.leadproof.lead.LeadLifecycle;
import io.leadproof.lead.LifecycleMove;
import io.leadproof.ops.BusinessMetrics;
import io.leadproof.scoring.LeadQualified;
import io.leadproof.scoring.LeadsQualified;
import io.leadproof.workspace.WorkspaceService;

/**
 * In a workspace that hands off automatically, every lead that becomes MQL is handed to sales in the scoring
 * transaction, with its evidence frozen, and assigned by round robin. The leads of one scoring pass are handled as a
 * batch: a fixed number of statements per batch rather than per lead, so ingesting stays fast when many qualify.
 */
@ApplicationScoped
public class AutomaticHandoffs {

    @Inject
    Clock clock;
    @Inject
    WorkspaceService workspaces;
    @Inject
    EvidenceReader evidence;
    @Inject
    RoundRobin roundRobin;
    @Inject
    HandoffNotifier notifier;
    @Inject
    LeadLifecycle lifecycle;
    @Inject
    BusinessMetrics metrics;

    void onLeadsQualified(@Observes LeadsQualified qualified) {
        if (qualified.leads().isEmpty() || !workspaces.current().handsOffAutomatically()) {
            return;
        }
        Map<UUID, List<UUID>> byVersion = qualified.leads().stream().collect(Collectors.groupingBy(LeadQualified::versionId,
                java.util.LinkedHashMap::new, Collectors.mapping(LeadQualified::leadId, Collectors.toList())));
        byVersion.forEach(this::open);
    }

    private void open(UUID versionId, List<UUID> leadIds) {
        Instant now = clock.instant();
        // Only the attributes of these entities are read (for the frozen snapshot); the stage is checked by the move.
        List<Lead> leads = Lead.<Lead>list("id in ?1 order by id", leadIds);
        var frozen = evidence.readAll(leads, versionId);
        // The move locks the leads in id order, so two batches sharing leads cannot deadlock; a lead another batch
        // already handed off is no longer an MQL once its lock is granted, and is not moved.
        var moved = new java.util.HashSet<>(lifecycle.apply(LifecycleMove.HAND_OFF, frozen.keySet(), now, versionId));
        var ready = leads.stream().filter(l -> moved.contains(l.id())).toList();
        if (ready.isEmpty()) {
            return;
        }
        var owners = roundRobin.assignees(ready.size(), now);
        var sla = Duration.ofHours(workspaces.current().slaHours());
        var assigned = new ArrayList<Handoff>();
        for (int i = 0; i < ready.size(); i++) {
            Lead lead = ready.get(i);
            String owner = owners.isEmpty() ? null : owners.get(i % owners.size()).userName();
            var handoff = HandoffService.openFor(lead.id(), frozen.get(lead.id()), owner, HandoffService.SYSTEM, now, sla);
            if (owner != null) {
                assigned.add(handoff);
            }
        }
        metrics.handoffsCreated(ready.size());
        notifier.assigned(assigned);
    }
}
