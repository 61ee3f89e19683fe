package io.leadproof.lead;

import io.leadproof.common.UserErrorCode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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

import org.hibernate.Session;

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
    /**
     * Rows of one CSV import part ({@link #upsertForCounts}): a part of a slice holds about {@link #IMPORT_CAP} rows,
     * sometimes a few more (rows are routed by company), or a whole slice of the writers (rows sharing keys across
     * parts). It is written as one batch: cut at the API's cap, a part of 510 rows cost a second pass of every statement
     * and trigger for 10 rows (docs/benchmarks.md, "v8").
     */
    public static final int PART_CAP = 4 * IMPORT_CAP;

    @Inject
    CurrentWorkspace workspace;
    @Inject
    CampaignService campaigns;
    @Inject
    Event<LeadsChanged> changed;
    @Inject
    Event<LeadsArriving> arriving;
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

    /** Creates or updates leads; the outcome holds the leads as stored (re-read after scoring). */
    @Transactional
    public LeadImportOutcome upsert(List<LeadInput> rows, String... pathPrefix) {
        checkCap(rows.size(), IMPORT_CAP);
        return write(rows, true, pathPrefix);
    }

    /**
     * The same write for callers that need only the counts and errors (CSV imports): the leads of the outcome are the
     * written values, not re-read (their stage may since have been moved by scoring).
     */
    @Transactional
    public LeadImportOutcome upsertForCounts(List<LeadInput> rows, String... pathPrefix) {
        checkCap(rows.size(), PART_CAP);
        return write(rows, false, pathPrefix);
    }

    /**
     * leadsImport's text-typed rows ({@link LeadImportRow}): a value outside an enum or an unknown country rejects only
     * its row ({@link LenientLeadRows}); the other rows take the path of {@link #upsert}. Errors under {@code ["rows", i]}.
     */
    @Transactional
    public LeadImportOutcome upsertRows(List<LeadImportRow> rows) {
        checkCap(rows.size(), IMPORT_CAP);
        var errors = new ArrayList<UserError>();
        var inputs = LenientLeadRows.convert(rows, "rows", errors);
        var outcome = write(inputs, true, new String[] { "rows" });
        errors.addAll(outcome.userErrors());
        return new LeadImportOutcome(outcome.leads(), outcome.created(), errors);
    }

    private static void checkCap(int size, int cap) {
        if (size > cap) {
            throw ApiException.limit("BATCH_TOO_LARGE", "at most " + cap + " leads per call, got " + size);
        }
    }

    /** Rows that are null were rejected before (their errors are the caller's): they stay null in the outcome. */
    private LeadImportOutcome write(List<LeadInput> rows, boolean reread, String[] pathPrefix) {
        Instant now = clock.instant();
        Supplier<String> reportingCurrency = memoized(() -> workspaces.current().reportingCurrency());
        var parsed = new ArrayList<LeadInputParser.Parsed>(rows.size());
        var errors = new ArrayList<UserError>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) == null) {
                parsed.add(null);
                continue;
            }
            var problems = pathPrefix.length == 0 ? new InputProblems() : new InputProblems(pathPrefix[0], String.valueOf(i));
            var p = LeadInputParser.parse(rows.get(i), problems, now, reportingCurrency);
            errors.addAll(problems.errors());
            parsed.add(problems.isEmpty() ? p : null);
        }
        rejectUnknownCampaigns(parsed, errors, pathPrefix);
        var matches = LeadMatches.load(workspace.id(), parsed.stream().filter(p -> p != null).map(LeadInputParser.Parsed::profile).toList());
        var batch = new LeadBatch(now);
        var leads = new ArrayList<Lead>(rows.size());
        var created = new ArrayList<Boolean>(rows.size());
        for (int i = 0; i < parsed.size(); i++) {
            var p = parsed.get(i);
            Boolean isNew = p == null ? null : apply(p, matches, batch, errors, pathPrefix, i);
            leads.add(isNew == null ? null : matches.last());
            created.add(isNew);
        }
        if (batch.isEmpty()) {
            return new LeadImportOutcome(leads, created, errors);
        }
        Lead.getEntityManager().flush();
        var arrival = new LeadsArriving(workspace.id(), batch.captured(), batch.revisedLeads(), clock.instant());
        if (!arrival.leads().isEmpty()) {
            arriving.fire(arrival);
        }
        Lead.getEntityManager().unwrap(Session.class).doWork(c -> batch.write(c, workspace.id(), arrival));
        changed.fire(new LeadsChanged(workspace.id(), batch.touched(), LeadsChanged.What.ATTRIBUTES, arrival));
        if (reread) {
            var stored = findAll(batch.touched());
            leads.replaceAll(l -> l == null ? null : stored.get(l.id()));
        }
        return new LeadImportOutcome(leads, created, errors);
    }

    /** Matches, checks and applies one row: whether its lead is new, or null (with the error) when it cannot land. */
    private Boolean apply(LeadInputParser.Parsed p, LeadMatches matches, LeadBatch batch, List<UserError> errors, String[] prefix,
            int index) {
        Optional<Lead> existing;
        try {
            existing = matches.find(p.profile());
        } catch (LeadMatches.IdentityConflict conflict) {
            errors.add(row(prefix, index, "externalId", UserErrorCode.IDENTITY_CONFLICT, conflict.getMessage()));
            return null;
        }
        var observed = traitHistory.check(p.observedAt(), existing.orElse(null), p.createdAt());
        if (observed != null) {
            errors.add(row(prefix, index, "observedAt", observed.code(), observed.message()));
            return null;
        }
        Lead lead = existing.orElseGet(() -> batch.capture(Lead.capture(p.profile(), p.createdAt(), batch.now())));
        lead.observedAt(p.observedAt());
        if (existing.isPresent()) {
            lead.revise(matches.addressed(p.profile(), lead), batch.now());
            batch.revised(lead);
        }
        matches.remember(lead);
        return existing.isEmpty();
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
