package io.leadproof.quality.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;

import io.leadproof.common.Json;
import io.leadproof.common.NodeId;
import io.leadproof.common.SqlArrays;
import io.leadproof.quality.ActivitySignal;
import io.leadproof.quality.PersonIdentity;

/** What the checks need of many leads, in set-based reads (index-backed: primary keys and activity_by_lead). */
final class QualityReads {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private QualityReads() {
    }

    /** The leads' identity fields; erased and merged-away leads are no one's duplicate and are not judged. */
    static Map<UUID, PersonIdentity> persons(Connection c, String ws, Collection<UUID> ids) throws SQLException {
        var result = new LinkedHashMap<UUID, PersonIdentity>();
        if (ids.isEmpty()) {   // e.g. the partners of leads that have none: no round trip
            return result;
        }
        // a function, so that the plan stays lookups by id however many ids (R__quality_reads.sql says why)
        try (var ps = c.prepareStatement("select id, email, phone, first_name, last_name, company_name, company_domain, country"
                + " from quality_persons(?, ?::uuid[])")) {
            ps.setString(1, ws);
            SqlArrays.setText(ps, 2, ids.toArray());
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    result.put(id, person(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
        }
        return result;
    }

    /** A lead as the checks see a person: the one mapping of stored rows and of values in hand ({@link ArrivalVerdicts}). */
    static PersonIdentity person(UUID id, String email, String phone, String firstName, String lastName, String companyName,
            String companyDomain, String country) {
        return new PersonIdentity(NodeId.of("Lead", id), email, phone, firstName, lastName, companyName, companyDomain, country);
    }

    /** Those of the leads whose stored verdict names a duplicate. */
    static Set<UUID> flaggedDuplicates(Connection c, String ws, Collection<UUID> ids) throws SQLException {
        var result = new HashSet<UUID>();
        if (ids.isEmpty()) {
            return result;
        }
        try (var ps = c.prepareStatement("select lead_id from lead_quality where workspace_id = ? and lead_id = any(?)"
                + " and 'DUPLICATE' = any(codes)")) {
            ps.setString(1, ws);
            ps.setArray(2, c.createArrayOf("uuid", ids.toArray()));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return result;
    }

    /** For each lead, the other leads sharing one of its duplicate keys. */
    static Map<UUID, Set<UUID>> partners(Connection c, String ws, Collection<UUID> ids) throws SQLException {
        var result = new HashMap<UUID, Set<UUID>>();
        if (ids.isEmpty()) {
            return result;
        }
        try (var ps = c.prepareStatement("select k.lead_id, o.lead_id from lead_duplicate_key k join lead_duplicate_key o"
                + " on o.workspace_id = k.workspace_id and o.key_digest = k.key_digest and o.lead_id <> k.lead_id"
                + " where k.workspace_id = ? and k.lead_id = any(?)")) {
            ps.setString(1, ws);
            ps.setArray(2, c.createArrayOf("uuid", ids.toArray()));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>()).add(rs.getObject(2, UUID.class));
                }
            }
        }
        return result;
    }

    /** Latest bounce of each lead's current email (a bounce of an address the lead no longer has does not count). */
    static Map<UUID, Instant> lastBounces(Connection c, String ws, Collection<UUID> ids) throws SQLException {
        var result = new HashMap<UUID, Instant>();
        if (ids.isEmpty()) {
            return result;
        }
        try (var ps = c.prepareStatement("select a.lead_id, max(a.occurred_at) from activity a join lead l"
                + " on l.workspace_id = a.workspace_id and l.id = a.lead_id and l.email_normalized = a.bounced_email"
                + " where a.workspace_id = ? and a.lead_id = any(?) and a.type = 'EMAIL_BOUNCED' group by a.lead_id")) {
            ps.setString(1, ws);
            ps.setArray(2, c.createArrayOf("uuid", ids.toArray()));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant());
                }
            }
        }
        return result;
    }

    /** The behaviours of the leads, as the bot check sees them (bounces are not behaviour). */
    static Map<UUID, List<ActivitySignal>> activities(Connection c, String ws, Collection<UUID> ids) throws SQLException {
        var result = new HashMap<UUID, List<ActivitySignal>>();
        if (ids.isEmpty()) {
            return result;
        }
        try (var ps = c.prepareStatement("select lead_id, id, occurred_at, properties::text from activity"
                + " where workspace_id = ? and lead_id = any(?) and type <> 'EMAIL_BOUNCED'")) {
            ps.setString(1, ws);
            ps.setArray(2, c.createArrayOf("uuid", ids.toArray()));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new ActivitySignal(
                            rs.getString(2), rs.getTimestamp(3).toInstant(), properties(rs.getString(4))));
                }
            }
        }
        return result;
    }

    private static Map<String, String> properties(String json) {
        if (json == null || json.equals("{}")) {
            return Map.of();
        }
        try {
            var result = new HashMap<String, String>();
            Json.MAPPER.readValue(json, MAP).forEach((k, v) -> result.put(k, v == null ? null : v.toString()));
            return result;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable activity properties", e);
        }
    }
}
