package io.leadproof.lead.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;

/**
 * The fields of a selection set on one object type, in response order, fragments spread in. Anything the compiled read
 * does not model — a directive, a fragment on another type (an interface such as Node), the same response key twice —
 * throws {@link AstValues.Unsupported}, and the request takes the general path.
 */
public final class Selections {

    private Selections() {
    }

    public static List<Field> of(SelectionSet set, String type, Map<String, FragmentDefinition> fragments) {
        return of(set, Set.of(type), fragments);
    }

    /** The fields on an object of one of {@code types}: its own type, and an interface known to be this object's. */
    static List<Field> of(SelectionSet set, Set<String> types, Map<String, FragmentDefinition> fragments) {
        var fields = new ArrayList<Field>();
        collect(set, types, fragments, fields, 0);
        var keys = new HashMap<String, Field>();
        var distinct = new ArrayList<Field>(fields.size());
        for (Field f : fields) {
            Field earlier = keys.putIfAbsent(key(f), f);
            if (earlier == null) {
                distinct.add(f);
            } else if (!sameLeaf(earlier, f)) {
                throw new AstValues.Unsupported("response key " + key(f) + " selected twice");
            } // the same leaf twice (an id in the query and in a fragment): one answer, where it first appears
        }
        return distinct;
    }

    private static boolean sameLeaf(Field a, Field b) {
        return a.getName().equals(b.getName()) && a.getSelectionSet() == null && b.getSelectionSet() == null
                && a.getArguments().isEmpty() && b.getArguments().isEmpty();
    }

    public static String key(Field f) {
        return f.getAlias() != null ? f.getAlias() : f.getName();
    }

    private static void collect(SelectionSet set, Set<String> type, Map<String, FragmentDefinition> fragments, List<Field> out, int depth) {
        if (set == null || depth > 10) {
            throw new AstValues.Unsupported("selection set");
        }
        for (Selection<?> s : set.getSelections()) {
            switch (s) {
                case Field f -> {
                    if (!f.getDirectives().isEmpty()) {
                        throw new AstValues.Unsupported("directive");
                    }
                    out.add(f);
                }
                case InlineFragment i -> {
                    requireType(i.getTypeCondition(), type);
                    if (!i.getDirectives().isEmpty()) {
                        throw new AstValues.Unsupported("directive");
                    }
                    collect(i.getSelectionSet(), type, fragments, out, depth + 1);
                }
                case FragmentSpread spread -> {
                    FragmentDefinition d = fragments.get(spread.getName());
                    if (d == null || !spread.getDirectives().isEmpty() || !d.getDirectives().isEmpty()) {
                        throw new AstValues.Unsupported("fragment " + spread.getName());
                    }
                    requireType(d.getTypeCondition(), type);
                    collect(d.getSelectionSet(), type, fragments, out, depth + 1);
                }
                default -> throw new AstValues.Unsupported(s.getClass().getSimpleName());
            }
        }
    }

    private static void requireType(TypeName condition, Set<String> types) {
        if (condition != null && !types.contains(condition.getName())) {
            throw new AstValues.Unsupported("fragment on " + condition.getName());
        }
    }
}
