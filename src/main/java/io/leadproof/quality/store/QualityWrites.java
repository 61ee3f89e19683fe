package io.leadproof.quality.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.leadproof.common.Json;
import io.leadproof.common.SqlArrays;
import io.leadproof.quality.QualityIssue;
import io.leadproof.quality.QualityReport;

/** Stores what the checks found: duplicate keys, activity flags, bounce addresses and the verdicts. Set-based. */
final class QualityWrites {

    private QualityWrites() {
    }

    /** New bounces carry the address they bounced from: the one the event names, else the lead's current one. */
    static void stampBounces(Connection c, String ws, Collection<UUID> leads) throws SQLException {
        try (var ps = c.prepareStatement("update activity a set bounced_email = coalesce(nullif(lower(btrim(a.properties ->> 'email')), ''),"
                + " l.email_normalized) from lead l where a.workspace_id = ? and a.lead_id = any(?) and a.type = 'EMAIL_BOUNCED'"
                + " and a.bounced_email is null and l.workspace_id = a.workspace_id and l.id = a.lead_id")) {
            ps.setString(1, ws);
            ps.setArray(2, c.createArrayOf("uuid", leads.toArray()));
            ps.executeUpdate();
        }
    }

    /** Deletes the keys of {@code stored} (leads written before) and inserts {@code keys} (digests, of those and of new leads). */
    static void replaceKeys(Connection c, String ws, Collection<UUID> stored, Map<UUID, List<byte[]>> keys) throws SQLException {
        if (!stored.isEmpty()) {
            deleteKeys(c, ws, stored);
        }
        insertKeys(c, ws, keys, false);
    }

    /**
     * Inserts the keys of leads new in this transaction: a plain insert, as no row of theirs can exist yet (an
     * {@code ON CONFLICT} clause costs a look-up of the primary key per row first: three a lead; perf, docs/benchmarks.md
     * "v7").
     */
    static void insertNewKeys(Connection c, String ws, Map<UUID, List<byte[]>> keys) throws SQLException {
        insertKeys(c, ws, keys, true);
    }

    private static void deleteKeys(Connection c, String ws, Collection<UUID> leads) throws SQLException {
        try (var ps = c.prepareStatement("delete from lead_duplicate_key where workspace_id = ? and lead_id = any(?)")) {
            ps.setString(1, ws);
            ps.setArray(2, c.createArrayOf("uuid", leads.toArray()));
            ps.executeUpdate();
        }
    }

    private static void insertKeys(Connection c, String ws, Map<UUID, List<byte[]>> keys, boolean newLeads) throws SQLException {
        var ids = new ArrayList<UUID>();
        var digests = new ArrayList<byte[]>();
        keys.forEach((lead, list) -> list.forEach(k -> {
            ids.add(lead);
            digests.add(k);
        }));
        if (ids.isEmpty()) {
            return;
        }
        try (var ps = c.prepareStatement("insert into lead_duplicate_key (workspace_id, key_digest, lead_id)"
                + " select ?, k, l from unnest(?::bytea[], ?::uuid[]) as v(k, l)" + (newLeads ? "" : " on conflict do nothing"))) {
            ps.setString(1, ws);
            SqlArrays.setBytes(ps, 2, digests.toArray(new byte[0][]));
            SqlArrays.setText(ps, 3, ids.toArray());
            ps.executeUpdate();
        }
    }

    /** Sets each listed activity's bot reason (null: a person), writing only rows whose flag changes. */
    static void flagActivities(Connection c, String ws, Map<UUID, String> reasons) throws SQLException {
        if (reasons.isEmpty()) {
            return;
        }
        try (var ps = c.prepareStatement("update activity a set bot_reason = v.r from unnest(?::uuid[], ?::text[]) as v(id, r)"
                + " where a.workspace_id = ? and a.id = v.id and a.bot_reason is distinct from v.r")) {
            ps.setArray(1, c.createArrayOf("uuid", reasons.keySet().toArray()));
            ps.setArray(2, c.createArrayOf("text", reasons.values().toArray()));
            ps.setString(3, ws);
            ps.executeUpdate();
        }
    }

    /**
     * @param codesOf each verdict's {@link #codes}, by lead (the arrival worked them out already)
     * @param newLeads the leads are new in this transaction, so none has a verdict yet: a plain insert (see {@link #insertNewKeys})
     */
    static void storeVerdicts(Connection c, String ws, Map<UUID, QualityReport> verdicts, Function<UUID, String> codesOf,
            Instant now, boolean newLeads) throws SQLException {
        if (verdicts.isEmpty()) {
            return;
        }
        var statuses = new ArrayList<String>();
        var codes = new ArrayList<String>();
        var issues = new ArrayList<String>();
        verdicts.forEach((lead, r) -> {
            statuses.add(r.status().name());
            codes.add(codesOf.apply(lead));
            issues.add(json(r.issues()));
        });
        try (var ps = c.prepareStatement("insert into lead_quality (workspace_id, lead_id, status, codes, issues, judged_at)"
                + " select ?, l, s, coalesce(string_to_array(nullif(k, ''), ','), '{}'), i::jsonb, ?"
                + " from unnest(?::uuid[], ?::text[], ?::text[], ?::text[]) as v(l, s, k, i)"
                + (newLeads ? "" : " on conflict (workspace_id, lead_id) do update set status = excluded.status, codes = excluded.codes,"
                        + " issues = excluded.issues, judged_at = excluded.judged_at"
                        // a verdict given again unchanged (every activity batch judges its leads again) rewrites no row
                        + " where (lead_quality.status, lead_quality.codes, lead_quality.issues)"
                        + " is distinct from (excluded.status, excluded.codes, excluded.issues)"))) {
            ps.setString(1, ws);
            ps.setTimestamp(2, Timestamp.from(now));
            SqlArrays.setText(ps, 3, verdicts.keySet().toArray());
            SqlArrays.setText(ps, 4, statuses.toArray());
            SqlArrays.setText(ps, 5, codes.toArray());
            SqlArrays.setText(ps, 6, issues.toArray());
            ps.executeUpdate();
        }
    }

    /** The verdict's distinct codes, sorted and comma-separated, as stored in lead_quality.codes. */
    static String codes(QualityReport r) {
        return String.join(",", r.issues().stream().map(i -> i.code().name()).distinct().sorted().toList());
    }

    /** One writer bound to the list type, built once (every verdict of every write is serialised with it). */
    private static final com.fasterxml.jackson.databind.ObjectWriter ISSUES = Json.MAPPER
            .writerFor(new com.fasterxml.jackson.core.type.TypeReference<List<QualityIssue>>() {
            });

    private static String json(List<QualityIssue> issues) {
        if (issues.isEmpty()) {
            return "[]";
        }
        try {
            return ISSUES.writeValueAsString(issues);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One SHA-256 per thread: looking the algorithm up costs more than digesting a key (every key of every write). */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    static List<byte[]> digests(List<String> keys) {
        var result = new ArrayList<byte[]>(keys.size());
        keys.forEach(k -> result.add(digest(k)));
        return result;
    }

    static byte[] digest(String key) {
        return SHA256.get().digest(key.getBytes(StandardCharsets.UTF_8));   // digest() resets it for the next key
    }
}
