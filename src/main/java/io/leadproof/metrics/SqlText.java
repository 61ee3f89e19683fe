package io.leadproof.metrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** SQL text built from fixed fragments, with its parameters in order; values never go into the text. */
final class SqlText {

    final Connection connection;
    private final StringBuilder text = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    SqlText(Connection connection) {
        this.connection = connection;
    }

    SqlText add(String fragment, Object... values) {
        text.append(fragment);
        params.addAll(List.of(values));
        return this;
    }

    SqlText array(String type, Collection<?> values) throws SQLException {
        params.add(connection.createArrayOf(type, values.toArray()));
        return this;
    }

    /** Parallel text arrays, one element per item each: unnested and cast in SQL. */
    @SafeVarargs
    final <T> SqlText columns(List<T> items, Function<T, String>... columns) throws SQLException {
        for (var column : columns) {
            array("text", items.stream().map(column).toList());
        }
        return this;
    }

    String text() {
        return text.toString();
    }

    List<Object> params() {
        return params;
    }
}
