package io.leadproof.common;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Array parameters of the set-based writes, sent as arrays of text that the statement casts ({@code ?::uuid[]},
 * {@code ?::int[]}, {@code ?::jsonb} per element…). {@link java.sql.Connection#createArrayOf} sends an array's text
 * form, which pgjdbc builds by quoting and escaping every element — the JSON documents of scores and verdicts most of
 * all: 6–8 % of the app's CPU in a CSV import (JFR, docs/benchmarks.md "v11"). A {@code String[]} or {@code byte[][]}
 * goes in PostgreSQL's binary array format: each element's bytes as they are.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    /** Strings, UUIDs, integers and booleans as their text (null stays null); the statement casts the array. */
    public static void setText(PreparedStatement ps, int index, Object[] values) throws SQLException {
        var text = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            text[i] = text(values[i]);
        }
        ps.setObject(index, text);
    }

    public static void setBytes(PreparedStatement ps, int index, byte[][] values) throws SQLException {
        ps.setObject(index, values);
    }

    private static String text(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case UUID u -> u.toString();
            case Integer n -> n.toString();
            case Long n -> n.toString();
            case Boolean b -> b.toString();
            default -> throw new IllegalArgumentException("no array text for a " + value.getClass().getName());
        };
    }
}
