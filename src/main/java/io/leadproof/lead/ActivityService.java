package io.leadproof.lead;

import io.leadproof.common.UserErrorCode;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.leadproof.common.ApiException;
import io.leadproof.common.Attributes;
import io.leadproof.common.Cursors;
import io.leadproof.common.InputProblems;
import io.leadproof.common.NodeId;
import io.leadproof.common.RequestReads;
import io.leadproof.common.UserError;
import io.leadproof.lead.ActivityTypes.ActivityInput;
import io.leadproof.security.CurrentWorkspace;

/** Records behaviours idempotently by client event id and serves them per lead in batches. */
@ApplicationScoped
public class ActivityService {

    public static final int BATCH_CAP = 1000;

    public record Outcome(List<Activity> activities, int recorded, int duplicates, List<UserError> userErrors) {
    }

    private record Row(int index, ActivityInput input, UUID leadId, String externalId, String email, String contentTag,
            Instant occurredAt, Map<String, String> properties) {
    }

    @Inject
    Clock clock;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    Event<LeadsChanged> changed;
    @Inject
    RequestReads reads;

    @Transactional
    public Outcome record(List<ActivityInput> inputs) {
        if (inputs.size() > BATCH_CAP) {
            throw ApiException.limit("BATCH_TOO_LARGE", "at most " + BATCH_CAP + " activities per call, got " + inputs.size());
        }
        Instant now = clock.instant();
        var errors = new ArrayList<UserError>();
        var rows = new ArrayList<Row>();
        for (int i = 0; i < inputs.size(); i++) {
            var problems = new InputProblems("activities", String.valueOf(i));
            Row row = parse(i, inputs.get(i), problems, now);
            errors.addAll(problems.errors());
            if (problems.isEmpty()) {
                rows.add(row);
            }
        }
        var em = Activity.getEntityManager();
        var leads = LeadRefs.resolve(em, workspace.id(), rows.stream().map(Row::leadId).filter(Objects::nonNull).toList(),
                rows.stream().map(Row::externalId).filter(Objects::nonNull).toList(),
                rows.stream().map(Row::email).filter(Objects::nonNull).toList());
        Map<String, Activity> byEvent = new HashMap<>();
        var eventIds = rows.stream().map(r -> r.input().clientEventId().strip()).distinct().toList();
        var recordedBefore = recordedEventIds(em, eventIds);
        if (!recordedBefore.isEmpty()) {  // retries: rare, so only their entities are loaded
            Activity.<Activity>list("id in ?1", recordedBefore).forEach(a -> byEvent.put(a.clientEventId(), a));
        }
        var result = new ArrayList<Activity>(java.util.Collections.nCopies(inputs.size(), null));
        int recorded = 0;
        int duplicates = 0;
        Set<UUID> touched = new LinkedHashSet<>();
        for (Row row : rows) {
            UUID leadId = leads.find(row.leadId(), row.externalId(), row.email());
            String field = row.leadId() != null ? "leadId" : row.externalId() != null ? "leadExternalId" : "leadEmail";
            if (leadId == null) {
                errors.add(UserError.of(UserErrorCode.NOT_FOUND, field + " names no lead of this workspace", "activities", String.valueOf(row.index()), field));
                continue;
            }
            String eventId = row.input().clientEventId().strip();
            Activity earlier = byEvent.get(eventId);
            if (earlier != null) {
                if (!earlier.leadId().equals(leadId)) {
                    errors.add(UserError.of(UserErrorCode.IDEMPOTENCY_CONFLICT, "clientEventId was already recorded for another lead",
                            "activities", String.valueOf(row.index()), "clientEventId"));
                    continue;
                }
                result.set(row.index(), earlier);
                duplicates++;
                continue;
            }
            var a = Activity.observe(leadId, eventId, row.input().type(), row.input().funnelStage(), row.contentTag(),
                    row.occurredAt(), row.properties(), now);
            a.persist();
            byEvent.put(eventId, a);
            result.set(row.index(), a);
            touched.add(leadId);
            recorded++;
        }
        if (!touched.isEmpty()) {
            Activity.getEntityManager().flush();
            changed.fire(new LeadsChanged(workspace.id(), touched, LeadsChanged.What.ACTIVITIES));
        }
        return new Outcome(result, recorded, duplicates, errors);
    }

    private List<UUID> recordedEventIds(jakarta.persistence.EntityManager em, List<String> eventIds) {
        var found = new ArrayList<UUID>();
        if (eventIds.isEmpty()) {
            return found;
        }
        em.unwrap(org.hibernate.Session.class).doWork(c -> {
            try (var ps = c.prepareStatement("select id from activity where workspace_id = ? and client_event_id = any(?)")) {
                ps.setString(1, workspace.id());
                ps.setArray(2, c.createArrayOf("text", eventIds.toArray()));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getObject(1, UUID.class));
                    }
                }
            }
        });
        return found;
    }

    private Row parse(int index, ActivityInput in, InputProblems problems, Instant now) {
        String eventId = problems.text(in.clientEventId(), 200, "clientEventId");
        if (eventId == null && problems.isEmpty()) {
            problems.add(UserErrorCode.REQUIRED, "clientEventId must not be blank", "clientEventId");
        }
        long refs = java.util.stream.Stream.of(in.leadId(), in.leadExternalId(), in.leadEmail()).filter(Objects::nonNull).count();
        if (refs != 1) {
            problems.add(UserErrorCode.LEAD_REFERENCE, "name the lead by exactly one of leadId, leadExternalId or leadEmail", "leadId");
        }
        UUID leadId = null;
        if (in.leadId() != null) {
            leadId = NodeId.parse("Lead", in.leadId());
            if (leadId == null) {
                problems.add(UserErrorCode.INVALID_ID, "leadId is not a Lead id", "leadId");
            }
        }
        String externalId = problems.text(in.leadExternalId(), 200, "leadExternalId");
        String emailText = problems.text(in.leadEmail(), 254, "leadEmail");
        String email = emailText == null ? null : EmailAddresses.normalize(emailText);
        String contentTag = problems.text(in.contentTag(), 100, "contentTag");
        Instant occurredAt = in.occurredAt().toInstant().truncatedTo(ChronoUnit.MICROS);
        if (occurredAt.isAfter(now.plusSeconds(300))) {
            problems.add(UserErrorCode.IN_FUTURE, "occurredAt must not lie in the future", "occurredAt");
        }
        var properties = Attributes.parse(in.properties(), problems, "properties");
        return new Row(index, in, leadId, externalId, email, contentTag, occurredAt, properties);
    }

    /** Newest activities of each lead, at most {@code first + 1} per lead, in one statement of the request's read transaction. */
    public Map<UUID, List<Activity>> newestPerLead(Collection<UUID> leadIds, int first, Cursors.Position after) {
        if (leadIds.isEmpty()) {
            return new HashMap<>();
        }
        String ws = workspace.id();
        return reads.read(c -> ActivityRows.newestPerLead(c, ws, leadIds, first, after));
    }

    /** How many activities each lead has on all pages, read like {@link #newestPerLead}. */
    public Map<UUID, Long> counts(Collection<UUID> leadIds) {
        if (leadIds.isEmpty()) {
            return new HashMap<>();
        }
        String ws = workspace.id();
        return reads.read(c -> ActivityRows.counts(c, ws, leadIds));
    }
}
