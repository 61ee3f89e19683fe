package io.leadproof.quality.store;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.leadproof.common.SqlArrays;
import io.leadproof.lead.Lead;
import io.leadproof.lead.LeadsArriving;
import io.leadproof.quality.BotCheck;
import io.leadproof.quality.LeadQualityChecks;
import io.leadproof.quality.LeadQualityInput;
import io.leadproof.quality.PersonIdentity;
import io.leadproof.quality.QualityReport;

/**
 * The verdicts of the leads new in a batch, judged from the values in hand before their insert ({@link LeadsArriving}):
 * what {@link QualityRefresh#judge} would find right after it, without reading the new leads back. A new lead has no
 * activities and no bounce yet; its duplicate candidates are the stored leads sharing one of its keys (erased and
 * merged-away ones left out, as {@link QualityReads#persons} does) and the batch's own leads sharing one, with the keys
 * of their values in hand (a revised lead's stored keys are about to be replaced).
 *
 * @param digests  each new lead's duplicate-key digests, stored after the insert (digested once, here)
 * @param verdicts each new lead's verdict, stored after the insert
 * @param codes    each verdict's codes as stored ({@link QualityWrites#codes}), worked out once for the store and scoring
 */
record ArrivalVerdicts(Map<UUID, List<byte[]>> digests, Map<UUID, QualityReport> verdicts, Map<UUID, String> codes) {

    static ArrivalVerdicts judge(Connection c, LeadsArriving a, LeadQualityChecks checks, BotCheck bots, Instant now)
            throws SQLException {
        var persons = new LinkedHashMap<UUID, PersonIdentity>();
        a.leads().forEach(l -> persons.put(l.id(), person(l)));
        var batchPersons = new HashMap<UUID, PersonIdentity>(persons);
        a.batch().stream().filter(l -> !l.isErased() && l.mergedInto() == null).forEach(l -> batchPersons.put(l.id(), person(l)));
        var digests = new HashMap<UUID, List<ByteBuffer>>();
        var inBatch = new HashMap<ByteBuffer, Set<UUID>>();
        batchPersons.forEach((id, p) -> {
            var list = checks.duplicateKeys().keysOf(p);
            var ofLead = new ArrayList<ByteBuffer>(list.size());
            for (String key : list) {
                var d = ByteBuffer.wrap(QualityWrites.digest(key));
                ofLead.add(d);
                inBatch.computeIfAbsent(d, x -> new HashSet<>()).add(id);
            }
            digests.put(id, ofLead);
        });
        var stored = storedPartners(c, a.workspaceId(), persons.keySet(), digests, batchPersons.keySet());
        var others = new HashSet<UUID>();
        stored.values().forEach(others::addAll);
        var candidates = QualityReads.persons(c, a.workspaceId(), others);
        candidates.putAll(batchPersons);
        var verdicts = new LinkedHashMap<UUID, QualityReport>();
        var botReport = bots.check(List.of()).report();
        var newDigests = new LinkedHashMap<UUID, List<byte[]>>();
        var codes = new HashMap<UUID, String>();
        for (var entry : persons.entrySet()) {
            UUID id = entry.getKey();
            var partners = new HashSet<UUID>();
            for (ByteBuffer d : digests.get(id)) {
                partners.addAll(inBatch.getOrDefault(d, Set.of()));
                partners.addAll(stored.getOrDefault(d, Set.of()));
            }
            partners.remove(id);
            List<PersonIdentity> mates = partners.stream().map(candidates::get).filter(Objects::nonNull).toList();
            var verdict = checks.assess(new LeadQualityInput(entry.getValue(), null, null, mates, botReport, now));
            verdicts.put(id, verdict);
            codes.put(id, QualityWrites.codes(verdict));
            newDigests.put(id, digests.get(id).stream().map(ByteBuffer::array).toList());
        }
        return new ArrivalVerdicts(newDigests, verdicts, codes);
    }

    /** For each key digest of the new leads, the stored leads outside the batch holding it. */
    private static Map<ByteBuffer, Set<UUID>> storedPartners(Connection c, String ws, Set<UUID> newLeads,
            Map<UUID, List<ByteBuffer>> digestsOf, Set<UUID> batch) throws SQLException {
        var digests = new ArrayList<byte[]>();
        newLeads.forEach(id -> digestsOf.get(id).forEach(d -> digests.add(d.array())));
        var result = new HashMap<ByteBuffer, Set<UUID>>();
        if (digests.isEmpty()) {
            return result;
        }
        // a function, so that the plan stays index lookups however many digests (R__quality_reads.sql)
        try (var ps = c.prepareStatement("select key_digest, lead_id from quality_key_holders(?, ?)")) {
            ps.setString(1, ws);
            SqlArrays.setBytes(ps, 2, digests.toArray(new byte[0][]));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID lead = rs.getObject(2, UUID.class);
                    if (!batch.contains(lead)) {
                        result.computeIfAbsent(ByteBuffer.wrap(rs.getBytes(1)), d -> new HashSet<>()).add(lead);
                    }
                }
            }
        }
        return result;
    }

    private static PersonIdentity person(Lead l) {
        return QualityReads.person(l.id(), l.email(), l.phone(), l.firstName(), l.lastName(), l.companyName(),
                l.companyDomain(), l.country());
    }
}
