package io.leadproof.lead;

import io.leadproof.common.UserErrorCode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.leadproof.campaign.CampaignService;
import io.leadproof.common.ApiException;
import io.leadproof.common.InputProblems;
import io.leadproof.common.RequestReads;
import io.leadproof.common.UserError;
import io.leadproof.security.CurrentWorkspace;
import io.leadproof.workspace.WorkspaceService;

/** Owns the lead write transactions (validation, matching by external id or email, change events) and the API's lead reads. */
@ApplicationScoped
public class LeadService {

    public static final int IMPORT_CAP = 500;

    @Inject
    CurrentWorkspace workspace;
    @Inject
    CampaignService campaigns;
    @Inject
    Event<LeadsChanged> changed;
    @Inject
    Clock clock;
    @Inject
    WorkspaceService workspaces;
    @Inject
    io.leadproof.evidence.history.TraitHistory traitHistory;
    @Inject
    RequestReads reads;

    private static Supplier<String> memoized(Supplier<String> source) {
        String[] known = { null };
        return () -> known[0] != null ? known[0] : (known[0] = source.get());
    }

    @Transactional
    public LeadImportOutcome upsert(List<LeadInput> rows, String... pathPrefix) {
        if (rows.size() > IMPORT_CAP) {
            throw ApiException.limit("BATCH_TOO_LARGE", "at most " + IMPORT_CAP + " leads per call, got " + rows.size());
        }
        Instant now = clock.instant();
        Supplier<String> reportingCurrency = memoized(() -> workspaces.current().reportingCurrency());
        var parsed = new ArrayList<LeadInputParser.Parsed>(rows.size());
        var errors = new ArrayList<UserError>();
        for (int i = 0; i < rows.size(); i++) {
            var problems = pathPrefix.length == 0 ? new InputProblems() : new InputProblems(pathPrefix[0], String.valueOf(i));
            var p = LeadInputParser.parse(rows.get(i), problems, now, reportingCurrency);
            errors.addAll(problems.errors());
            parsed.add(problems.isEmpty() ? p : null);
        }
        rejectUnknownCampaigns(parsed, errors, pathPrefix);
        var matches = LeadMatches.load(parsed.stream().filter(p -> p != null).map(LeadInputParser.Parsed::profile).toList());

        var leads = new ArrayList<Lead>(rows.size());
        var created = new ArrayList<Boolean>(rows.size());
        Set<UUID> touched = new LinkedHashSet<>();
        for (int i = 0; i < parsed.size(); i++) {
            var p = parsed.get(i);
            if (p == null) {
                leads.add(null);
                created.add(null);
                continue;
            }
            Optional<Lead> existing;
            try {
                existing = matches.find(p.profile());
            } catch (LeadMatches.IdentityConflict conflict) {
                errors.add(row(pathPrefix, i, "externalId", UserErrorCode.IDENTITY_CONFLICT, conflict.getMessage()));
                leads.add(null);
                created.add(null);
                continue;
            }
            var observed = traitHistory.check(p.observedAt(), existing.orElse(null), p.createdAt());
            if (observed != null) {
                errors.add(row(pathPrefix, i, "observedAt", observed.code(), observed.message()));
                leads.add(null);
                created.add(null);
                continue;
            }
            Lead lead = existing.orElseGet(() -> Lead.capture(p.profile(), p.createdAt(), now));
            lead.observedAt(p.observedAt());
            if (existing.isPresent()) {
                lead.revise(p.profile(), now);
            } else {
                lead.persist();
            }
            matches.remember(lead);
            leads.add(lead);
            created.add(existing.isEmpty());
            touched.add(lead.id());
        }
        if (!touched.isEmpty()) {
            Lead.getEntityManager().flush();
            var change = new LeadsChanged(workspace.id(), touched, LeadsChanged.What.ATTRIBUTES);
            changed.fire(change);
            // scoring moved some stages in SQL: the entities returned to the caller are re-read
            leads.stream().filter(l -> l != null && change.stageMoved().contains(l.id())).distinct()
                    .forEach(l -> Lead.getEntityManager().refresh(l));
        }
        return new LeadImportOutcome(leads, created, errors);
    }

    private void rejectUnknownCampaigns(List<LeadInputParser.Parsed> parsed, List<UserError> errors, String[] prefix) {
        var wanted = parsed.stream().filter(p -> p != null && p.profile().campaignId() != null)
                .map(p -> p.profile().campaignId()).toList();
        if (wanted.isEmpty()) {
            return;
        }
        Set<UUID> existing = campaigns.existingIds(wanted);
        for (int i = 0; i < parsed.size(); i++) {
            var p = parsed.get(i);
            if (p != null && p.profile().campaignId() != null && !existing.contains(p.profile().campaignId())) {
                errors.add(row(prefix, i, "campaignId", UserErrorCode.NOT_FOUND, "campaignId names no campaign of this workspace"));
                parsed.set(i, null);
            }
        }
    }

    private static UserError row(String[] prefix, int index, String field, UserErrorCode code, String message) {
        return prefix.length == 0 ? UserError.of(code, message, field)
                : UserError.of(code, message, prefix[0], String.valueOf(index), field);
    }

    public Optional<Lead> find(UUID id) {
        return Lead.find("id", id).firstResultOptional();
    }

    public Map<UUID, Lead> findAll(Collection<UUID> ids) {
        Map<UUID, Lead> result = new HashMap<>();
        if (!ids.isEmpty()) {
            Lead.<Lead>list("id in ?1", Set.copyOf(ids)).forEach(l -> result.put(l.id(), l));
        }
        return result;
    }

    /** Leads matching the filter on all pages, in the request's read transaction. */
    public int count(LeadFilter filter) {
        String ws = workspace.id();
        return reads.read(c -> LeadQuery.count(c, ws, filter));
    }

    /** A page of leads, read in the request's read transaction ({@link RequestReads}). */
    public LeadQuery.Page list(LeadFilter filter, LeadOrder order, int first, String after) {
        String ws = workspace.id();
        return reads.read(c -> LeadQuery.run(c, ws, filter, order == null ? LeadOrder.DEFAULT : order, first, after));
    }

    /** The lead with that id as the API shows it, or null; read like {@link #list}. */
    public LeadView view(UUID id) {
        String ws = workspace.id();
        return reads.read(c -> LeadQuery.one(c, ws, id));
    }
}
