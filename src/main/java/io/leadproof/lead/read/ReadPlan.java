package io.leadproof.lead.read;

import java.util.List;
import java.util.Set;

/**
 * One statement that answers a whole request: {@code sql} returns one row with the response's {@code data} object as
 * JSON text. {@link #WORKSPACE} stands in the parameters for the caller's workspace. {@code resolvers} are the fields
 * (Type.field) whose resolver carries a role check, {@code plain} the record fields the statement reads instead of
 * their light fetchers: the executor checks both against the served schema before it trusts the plan. {@code cursors}
 * are the response paths (keys, {@code *} for every element of a list) where the statement left a cursor's position
 * for {@link CursorSealing} to seal.
 */
public record ReadPlan(String sql, List<Object> params, Set<String> resolvers, Set<String> plain, List<List<String>> cursors) {

    public ReadPlan(String sql, List<Object> params, Set<String> resolvers, Set<String> plain) {
        this(sql, params, resolvers, plain, List.of());
    }

    /** The parameter that is bound to the caller's workspace id. */
    public static final Object WORKSPACE = new Object() {
        @Override
        public String toString() {
            return "<workspace>";
        }
    };
}
