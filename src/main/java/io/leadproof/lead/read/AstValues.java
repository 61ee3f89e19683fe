package io.leadproof.lead.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;

/** Argument values of a validated document as plain Java values (enums as names), variables resolved. */
public final class AstValues {

    /** A value the compiled read does not take (a float, an unknown kind): the request takes the general path. */
    public static final class Unsupported extends RuntimeException {
        public Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    private AstValues() {
    }

    public static Object of(Value<?> value, Map<String, Object> variables) {
        return switch (value) {
            case null -> null;
            case NullValue n -> null;
            case VariableReference v -> plain(variables.get(v.getName()));
            case IntValue i -> i.getValue().intValueExact();
            case StringValue s -> s.getValue();
            case BooleanValue b -> b.isValue();
            case EnumValue e -> e.getName();
            case ArrayValue a -> {
                var list = new ArrayList<>();
                a.getValues().forEach(v -> list.add(of(v, variables)));
                yield list;
            }
            case ObjectValue o -> {
                var map = new LinkedHashMap<String, Object>();
                o.getObjectFields().forEach(f -> map.put(f.getName(), of(f.getValue(), variables)));
                yield map;
            }
            default -> throw new Unsupported(value.getClass().getSimpleName());
        };
    }

    private static Object plain(Object variable) {
        return switch (variable) {
            case null -> null;
            case Enum<?> e -> e.name();
            case String s -> s;
            case Integer i -> i;
            case Boolean b -> b;
            case List<?> l -> l.stream().map(AstValues::plain).toList();
            case Map<?, ?> m -> {
                var map = new LinkedHashMap<String, Object>();
                m.forEach((k, v) -> map.put((String) k, plain(v)));
                yield map;
            }
            default -> throw new Unsupported(variable.getClass().getSimpleName());
        };
    }

    /** A list argument: GraphQL accepts a single value where a list is expected. */
    public static List<?> list(Object value) {
        return value == null ? null : value instanceof List<?> l ? l : List.of(value);
    }
}
