package io.leadproof.lead.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import graphql.language.Field;

/** The SQL that builds a JSON object of a selection: one json_build_object, keys in response order. */
public final class JsonSql {

    private static final int MAX_KEYS = 50; // json_build_object takes at most 100 arguments

    private JsonSql() {
    }

    /** {@code sql} gives each field's expression; {@code __typename} is the type's name. */
    public static String object(List<Field> fields, String type, Function<Field, String> sql) {
        if (fields.size() > MAX_KEYS) {
            throw new AstValues.Unsupported("too many fields");
        }
        var parts = new ArrayList<String>();
        for (Field f : fields) {
            parts.add("'" + Selections.key(f) + "', " + (f.getName().equals("__typename") ? "'" + type + "'" : sql.apply(f)));
        }
        return "json_build_object(" + String.join(", ", parts) + ")";
    }

    /** A plain record field without arguments or selection, from {@code columns}; recorded in {@code plain}. */
    public static String column(Field f, String type, Map<String, String> columns, Set<String> plain) {
        String sql = columns.get(f.getName());
        if (sql == null || f.getSelectionSet() != null || !f.getArguments().isEmpty()) {
            throw new AstValues.Unsupported(type + "." + f.getName());
        }
        plain.add(type + "." + f.getName());
        return sql;
    }
}
