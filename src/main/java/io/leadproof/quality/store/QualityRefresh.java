package io.leadproof.quality.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import io.leadproof.common.NodeId;
import io.leadproof.lead.LeadsArriving;
import io.leadproof.lead.LeadsChanged;
import io.leadproof.quality.BotCheck;
import io.leadproof.quality.BotRules;
import io.leadproof.quality.BotVerdict;
import io.leadproof.quality.DomainLists;
import io.leadproof.quality.LeadQualityChecks;
import io.leadproof.quality.LeadQualityInput;
import io.leadproof.quality.PersonIdentity;
import io.leadproof.quality.QualityReport;

/**
 * Keeps every lead's data-quality verdict current in the writing transaction, before scoring reads it (a lower
 * observer priority than {@code IncrementalScoring}): the duplicate keys of changed leads, the bounce address of new
 * EMAIL_BOUNCED activities, the bot flags of their activities, and the verdict of the leads and of their duplicate
 * partners (a new duplicate makes the older lead a duplicate too). Any write path that fires {@link LeadsChanged}
 * gets it; a path that writes without the event calls {@link #refresh} itself.
 */
@ApplicationScoped
public class QualityRefresh {

    /** Before scoring (IncrementalScoring observes at the default priority, 2500). */
    static final int BEFORE_SCORING = 2000;
    private static final LeadQualityChecks CHECKS = new LeadQualityChecks(DomainLists.bundled());

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @ConfigProperty(name = "leadproof.quality.bot-burst-events")
    Optional<Integer> burstEvents;
    @ConfigProperty(name = "leadproof.quality.bot-burst-window")
    Optional<Duration> burstWindow;

    private volatile BotCheck bots;

    /** New leads of a batch are judged from their values in hand, before their insert; scoring reads the verdicts. */
    void onLeadsArriving(@Observes @Priority(BEFORE_SCORING) LeadsArriving arriving) {
        em.unwrap(Session.class).doWork(c -> arriving.note(ArrivalVerdicts.class,
                ArrivalVerdicts.judge(c, arriving, CHECKS, botCheck(), clock.instant())));
    }

    void onLeadsChanged(@Observes @Priority(BEFORE_SCORING) LeadsChanged change) {
        em.flush();
        var arrived = change.arrival().flatMap(a -> a.note(ArrivalVerdicts.class)).orElse(null);
        em.unwrap(Session.class).doWork(c -> refresh(c, change.workspaceId(), change.leadIds(),
                change.what() == LeadsChanged.What.ATTRIBUTES, arrived));
    }

    /** The verdict of each new lead judged on arrival, as the scoring of the batch reads it ("STATUS:CODE,CODE"). */
    public static java.util.Optional<Map<UUID, String>> arrivalVerdicts(LeadsArriving arriving) {
        return arriving.note(ArrivalVerdicts.class).map(a -> {
            var result = new HashMap<UUID, String>();
            a.verdicts().forEach((id, r) -> result.put(id, r.status().name() + ":" + a.codes().get(id)));
            return result;
        });
    }

    /**
     * @param attributesChanged whether contact fields may have changed (then the duplicate keys are rebuilt)
     *
     * A partner (a lead sharing a duplicate key) is judged again only when its verdict can change: when the matcher
     * now finds it a duplicate of a changed lead (the match is symmetric, so the changed lead's own verdict names it), or,
     * when contact fields changed, when its stored verdict already names a duplicate (it may name a changed lead that
     * no longer matches). Before, every partner was judged again with every write: in a block of k leads (one company,
     * one last-name initial) each new lead cost k verdicts and k² comparisons (docs/benchmarks.md, "Import, third pass").
     */
    public void refresh(Connection c, String ws, Collection<UUID> leads, boolean attributesChanged) throws SQLException {
        refresh(c, ws, leads, attributesChanged, null);
    }

    /**
     * The same, with the new leads of the batch already judged on arrival ({@link ArrivalVerdicts}, null: none): their
     * keys and verdicts are stored as judged, the other leads are judged on what is stored, as before.
     */
    void refresh(Connection c, String ws, Collection<UUID> leads, boolean attributesChanged, ArrivalVerdicts arrived)
            throws SQLException {
        if (leads.isEmpty()) {
            return;
        }
        Set<UUID> stored = new LinkedHashSet<>(leads);
        if (arrived != null) {
            stored.removeAll(arrived.verdicts().keySet());   // new: no bounce, no partner to leave, keys and verdict in hand
        }
        if (!stored.isEmpty()) {
            QualityWrites.stampBounces(c, ws, stored);
        }
        Set<UUID> judge = new LinkedHashSet<>(stored);
        Set<UUID> again = new LinkedHashSet<>();
        if (attributesChanged) {
            var keys = new HashMap<UUID, List<byte[]>>();
            if (!stored.isEmpty()) {
                var before = new LinkedHashSet<UUID>();
                QualityReads.partners(c, ws, stored).values().forEach(before::addAll);   // partners they may leave
                again.addAll(QualityReads.flaggedDuplicates(c, ws, before));
                QualityReads.persons(c, ws, stored).forEach((id, p) -> keys.put(id,
                        QualityWrites.digests(CHECKS.duplicateKeys().keysOf(p))));
            }
            QualityWrites.replaceKeys(c, ws, stored, keys);
            if (arrived != null) {
                QualityWrites.insertNewKeys(c, ws, arrived.digests());   // a lead new in this batch has no keys yet
            }
        }
        var verdicts = new ArrayList<QualityReport>();
        if (arrived != null) {
            QualityWrites.storeVerdicts(c, ws, arrived.verdicts(), arrived.codes()::get, clock.instant(), true);
            verdicts.addAll(arrived.verdicts().values());
        }
        if (!judge.isEmpty()) {
            verdicts.addAll(judge(c, ws, judge).values());
        }
        for (QualityReport verdict : verdicts) {
            for (var issue : verdict.issues()) {
                UUID other = issue.relatedLeadId() == null ? null : NodeId.parse("Lead", issue.relatedLeadId());
                if (other != null) {
                    again.add(other);
                }
            }
        }
        again.removeAll(new LinkedHashSet<>(leads));
        if (!again.isEmpty()) {
            judge(c, ws, again);
        }
    }

    /** Judges the leads on what is stored now and stores the verdicts and activity flags; returns the verdicts. */
    Map<UUID, QualityReport> judge(Connection c, String ws, Set<UUID> leads) throws SQLException {
        var persons = QualityReads.persons(c, ws, leads);
        var partners = QualityReads.partners(c, ws, persons.keySet());
        var others = new LinkedHashSet<UUID>();
        partners.values().forEach(others::addAll);
        var candidates = QualityReads.persons(c, ws, others);
        var bounces = QualityReads.lastBounces(c, ws, persons.keySet());
        var activities = QualityReads.activities(c, ws, persons.keySet());
        var now = clock.instant();
        var verdicts = new LinkedHashMap<UUID, QualityReport>();
        var flags = new HashMap<UUID, String>();
        for (var entry : persons.entrySet()) {
            UUID id = entry.getKey();
            var signals = activities.getOrDefault(id, List.of());
            BotVerdict bot = botCheck().check(signals);
            signals.forEach(s -> flags.put(UUID.fromString(s.activityId()),
                    bot.isFlagged(s.activityId()) ? bot.flagged().get(s.activityId()).name() : null));
            List<PersonIdentity> mates = partners.getOrDefault(id, Set.of()).stream()
                    .map(candidates::get).filter(java.util.Objects::nonNull).toList();
            verdicts.put(id, CHECKS.assess(new LeadQualityInput(entry.getValue(), bounces.get(id), null, mates,
                    bot.report(), now)));
        }
        QualityWrites.flagActivities(c, ws, flags);
        QualityWrites.storeVerdicts(c, ws, verdicts, id -> QualityWrites.codes(verdicts.get(id)), now, false);
        return verdicts;
    }

    private BotCheck botCheck() {
        BotCheck check = bots;
        if (check == null) {
            BotRules defaults = BotRules.defaults();
            check = new BotCheck(defaults.withBurst(burstEvents.orElse(defaults.burstEvents()),
                    burstWindow.orElse(defaults.burstWindow())));
            bots = check;
        }
        return check;
    }
}
