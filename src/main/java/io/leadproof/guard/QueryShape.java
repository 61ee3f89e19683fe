package io.leadproof.guard;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * The size of a parsed document, measured before validation so that an oversized document never reaches the
 * validator: its deepest field nesting and its number of field selections. Fragments are expanded wherever they are
 * spread, so a fragment used 100 times counts 100 times, and every alias is a field of its own. Introspection
 * subtrees ({@code __schema}, {@code __type}) count as fields but not as depth (graphql-java's good-faith
 * introspection check bounds them). Undefined or cyclic fragments are skipped here; validation rejects them next.
 *
 * <p>The walk stops as soon as the field limit is passed, so a "fragment bomb" costs at most a bounded amount of work.
 */
public final class QueryShape {

    /** {@code fields} is exact up to the limit; beyond it {@code truncated} is set and counting stopped. */
    public record Shape(int depth, int fields, boolean introspection, boolean truncated) {
    }

    private final Map<String, FragmentDefinition> fragments;
    private final int stopAfterFields;
    private final long maxWork;
    private final Deque<String> expanding = new ArrayDeque<>();
    private int depth;
    private int fields;
    private long work;
    private boolean introspection;
    private boolean truncated;

    private QueryShape(Document document, int stopAfterFields) {
        this.fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, Function.identity(), (a, b) -> a));
        this.stopAfterFields = stopAfterFields;
        this.maxWork = 4L * stopAfterFields + 64;
    }

    /** Measures every operation of the document (validation looks at all of them). */
    public static Shape measure(Document document, int stopAfterFields) {
        var walk = new QueryShape(document, stopAfterFields);
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            walk.visit(operation.getSelectionSet(), 0, false);
            if (walk.truncated) {
                break;
            }
        }
        return new Shape(walk.depth, walk.fields, walk.introspection, walk.truncated);
    }

    private void visit(SelectionSet set, int level, boolean inIntrospection) {
        if (set == null) {
            return;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (truncated || ++work > maxWork) {
                truncated = true;
                return;
            }
            switch (selection) {
                case Field field -> {
                    if (++fields > stopAfterFields) {
                        truncated = true;
                        return;
                    }
                    boolean entersIntrospection = field.getName().equals("__schema") || field.getName().equals("__type");
                    introspection |= entersIntrospection;
                    int fieldLevel = inIntrospection ? level : level + 1;
                    depth = Math.max(depth, fieldLevel);
                    visit(field.getSelectionSet(), fieldLevel, inIntrospection || entersIntrospection);
                }
                case InlineFragment inline -> visit(inline.getSelectionSet(), level, inIntrospection);
                case FragmentSpread spread -> {
                    var fragment = fragments.get(spread.getName());
                    if (fragment != null && !expanding.contains(spread.getName())) {
                        expanding.push(spread.getName());
                        visit(fragment.getSelectionSet(), level, inIntrospection);
                        expanding.pop();
                    }
                }
                default -> {
                }
            }
        }
    }
}
