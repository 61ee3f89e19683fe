package io.leadproof.lead.read;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import io.leadproof.common.Cursors;

/**
 * Cursors are sealed in Java (AES-GCM, {@link io.leadproof.common.CursorSeal}), which PostgreSQL cannot do: the compiled
 * statement leaves each cursor's position as {@code ORDERING|epoch microseconds|uuid} ({@link #position}) at the paths
 * the plan names, and this replaces them with the cursor the general path issues for the same row — byte for byte,
 * since the seal of a position is deterministic.
 */
final class CursorSealing {

    private static final JsonProvider JSON = JsonProvider.provider();

    private CursorSealing() {
    }

    /** The SQL text of a cursor's position: the ordering's name, the sort key (a timestamptz) and the row id. */
    static String position(String ordering, String sortKey, String id) {
        return "'" + ordering + "|' || (extract(epoch from " + sortKey + ") * 1000000)::bigint || '|' || " + id;
    }

    /** {@code data} with the position at every one of {@code paths} sealed. */
    static JsonObject seal(JsonObject data, List<List<String>> paths) {
        return seal(data, paths, CursorSealing::cursor);
    }

    static JsonObject seal(JsonObject data, List<List<String>> paths, UnaryOperator<String> sealer) {
        JsonValue result = data;
        for (List<String> path : paths) {
            result = at(result, path, 0, sealer);
        }
        return (JsonObject) result;
    }

    private static JsonValue at(JsonValue value, List<String> path, int depth, UnaryOperator<String> sealer) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return value; // a lead that is not there, an empty page's start cursor
        }
        if (depth == path.size()) {
            return JSON.createValue(sealer.apply(((JsonString) value).getString()));
        }
        String step = path.get(depth);
        if (step.equals("*")) {
            var array = JSON.createArrayBuilder();
            for (JsonValue element : (JsonArray) value) {
                array.add(at(element, path, depth + 1, sealer));
            }
            return array.build();
        }
        var object = (JsonObject) value;
        var builder = JSON.createObjectBuilder(object);
        builder.add(step, at(object.get(step), path, depth + 1, sealer));
        return builder.build();
    }

    /** The cursor of a position, as {@link Cursors#encode} makes it from the row's sort key and id. */
    static String cursor(String position) {
        var p = keyset(position);
        return Cursors.encode(p.ordering(), p.key(), p.id());
    }

    /** A position as the general path's cursor holds it: the ordering, the sort key as {@link Instant#toString}, the id. */
    record Keyset(String ordering, String key, UUID id) {
    }

    static Keyset keyset(String position) {
        String[] parts = position.split("\\|", -1);
        long micros = Long.parseLong(parts[1]);
        Instant key = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
        return new Keyset(parts[0], key.toString(), UUID.fromString(parts[2]));
    }

    /** The position text of a sort key and id, as {@link #position} renders it (for tests). */
    static String positionOf(String ordering, Instant key, UUID id) {
        long micros = Math.addExact(Math.multiplyExact(key.getEpochSecond(), 1_000_000L), key.getNano() / 1000);
        return ordering + "|" + micros + "|" + id;
    }
}
