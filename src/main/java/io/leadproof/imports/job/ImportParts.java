package io.leadproof.imports.job;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.leadproof.imports.ActivityRow;
import io.leadproof.imports.DealRow;
import io.leadproof.lead.LeadInput;
import io.leadproof.quality.DomainLists;
import io.leadproof.quality.DuplicateKeys;
import io.leadproof.quality.PersonIdentity;

/**
 * How a slice of rows is split among parallel writers, and which keys a row claims. Lead rows are routed by a hash of
 * their company (else email, else external id), so that the rows the duplicate check compares with each other (same
 * company and last-name initial) are mostly written by one writer, in file order. The keys (external id, email, and the
 * duplicate-detection blocks) order the writers where routing does not: a part waits for every earlier part that shares
 * a key ({@link KeyGate}), so the same lead, or two possible duplicates, are never written by two transactions at once.
 * Activity and deal rows are routed and keyed by the lead they touch, as the row names it (id, external id or email, in
 * the key space of a lead row's), and by their own idempotency key (client event id, external deal id): a lead's
 * activities and deals are written in file order, by one transaction at a time.
 */
final class ImportParts {

    private static final DuplicateKeys DUPLICATES = new DuplicateKeys(DomainLists.bundled());

    private ImportParts() {
    }

    /** The part (0 ≤ part < parts) of a mapped row: stable across runs and JVMs (String.hashCode is specified). */
    static int partOf(Object value, int parts) {
        if (parts <= 1) {
            return 0;
        }
        String route = switch (value) {
            case LeadInput in -> first(lower(in.companyName()), lower(in.companyDomain()), lower(in.email()), in.externalId());
            case ActivityRow a -> leadKey(a.leadId(), a.leadExternalId(), a.leadEmail());
            case DealRow d -> leadKey(d.leadId(), d.leadExternalId(), d.leadEmail());
            default -> null;
        };
        return route == null ? 0 : Math.floorMod(route.hashCode(), parts);
    }

    /** The keys a mapped lead row claims while its part is written. */
    static Set<String> keysOf(Object value) {
        var keys = new LinkedHashSet<String>();
        if (value instanceof LeadInput in) {
            if (in.externalId() != null) {
                keys.add("x:" + in.externalId().strip());
            }
            if (lower(in.email()) != null) {
                keys.add("m:" + lower(in.email()));
            }
            keys.addAll(DUPLICATES.keysOf(new PersonIdentity(null, in.email(), in.phone(), in.firstName(), in.lastName(),
                    in.companyName(), in.companyDomain(), in.country())));
        } else if (value instanceof ActivityRow a) {
            add(keys, leadKey(a.leadId(), a.leadExternalId(), a.leadEmail()));
            add(keys, a.clientEventId() == null ? null : "e:" + a.clientEventId().strip());
        } else if (value instanceof DealRow d) {
            add(keys, leadKey(d.leadId(), d.leadExternalId(), d.leadEmail()));
            add(keys, d.externalDealId() == null ? null : "d:" + d.externalDealId().strip());
        }
        return keys;
    }

    /** The key of the lead an activity or deal row names: the same as a lead row's for that external id or email. */
    private static String leadKey(String id, String externalId, String email) {
        if (id != null && !id.isBlank()) {
            return "l:" + id.strip();
        }
        if (externalId != null && !externalId.isBlank()) {
            return "x:" + externalId.strip();
        }
        return lower(email) == null ? null : "m:" + lower(email);
    }

    private static void add(Set<String> keys, String key) {
        if (key != null) {
            keys.add(key);
        }
    }

    /**
     * Splits a slice read from the file into {@code parts} batches. A mapped row goes to the part of the first earlier
     * row of the slice that shares a key with it, else to {@link #partOf}: rows sharing a key stay in one part, in file
     * order (the gate orders only whole parts). A row sharing keys with rows of two different parts would need both:
     * then the whole slice is one part (the others empty). The counts of rejected and blank rows and the read errors go
     * with part 0. Every part carries the slice's bounds and the keys of its rows.
     */
    static List<RowBatch> split(RowBatch slice, long afterRow, int parts) {
        var out = new ArrayList<RowBatch>(parts);
        for (int p = 0; p < parts; p++) {
            var part = new RowBatch(slice.job, slice.mapping);
            part.afterRow = afterRow;
            part.lastRow = slice.lastRow;
            part.part = p;
            part.parts = parts;
            out.add(part);
        }
        int n = slice.values.size();
        var keysOfRow = new ArrayList<Set<String>>(n);
        var partOfRow = new int[n];
        var claimed = new HashMap<String, Integer>();
        boolean tangled = false;
        for (int i = 0; i < n; i++) {
            Set<String> keys = keysOf(slice.values.get(i));
            keysOfRow.add(keys);
            Integer owner = null;
            for (String k : keys) {
                Integer c = claimed.get(k);
                if (c != null && owner == null) {
                    owner = c;
                } else if (c != null && !c.equals(owner)) {
                    tangled = true;
                }
            }
            partOfRow[i] = owner != null ? owner : partOf(slice.values.get(i), parts);
            for (String k : keys) {
                claimed.putIfAbsent(k, partOfRow[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            var part = out.get(tangled ? 0 : partOfRow[i]);
            part.values.add(slice.values.get(i));
            part.rowNumbers.add(slice.rowNumbers.get(i));
            part.keys.addAll(keysOfRow.get(i));
            part.read++;
        }
        var first = out.getFirst();
        first.read += slice.rejected + slice.blank;
        first.rejected = slice.rejected;
        first.blank = slice.blank;
        first.errors.addAll(slice.errors);
        return out;
    }

    private static String lower(String s) {
        return s == null || s.isBlank() ? null : s.strip().toLowerCase(Locale.ROOT);
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
