package io.leadproof.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * For {@link GraphQLFuzzTest}: from the served schema, a well-formed request for any operation that takes an input
 * object, with one value of the wrong kind planted at any depth — an Int that is not a whole number in range, a date
 * that is malformed or far away, text with a bidi override, a Decimal that is no number — sent as a variable or written
 * in the document. The answer must refuse it naming that very field, so every input of every operation stays covered,
 * including the ones added later.
 */
final class TypedInputs {

    /** A request with one planted value, and where and what the refusal must name. */
    record Plan(String query, Map<String, Object> variables, List<String> field, Set<String> reasons, String scalar) {
    }

    record TypeRef(String kind, String name, TypeRef of) {
        static TypeRef of(Map<String, Object> json) {
            if (json == null) {
                return null;
            }
            @SuppressWarnings("unchecked")
            var inner = (Map<String, Object>) json.get("ofType");
            return new TypeRef((String) json.get("kind"), (String) json.get("name"), of(inner));
        }

        TypeRef named() {
            return of == null ? this : of.named();
        }

        String sdl() {
            return switch (kind) {
                case "NON_NULL" -> of.sdl() + "!";
                case "LIST" -> "[" + of.sdl() + "]";
                default -> name;
            };
        }
    }

    record Arg(String name, TypeRef type) {
    }

    record Operation(String root, String name, List<Arg> args, TypeRef returns) {
    }

    /** One mention of each introspection list, so graphql-java's good-faith check lets it through. */
    static final String INTROSPECTION = """
            { __schema { queryType { name } mutationType { name }
              types { name kind enumValues { name } inputFields { name type { ...T } }
                fields { name args { name type { ...T } } type { ...T } } } } }
            fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }""";

    static final Set<String> PLANTED = Set.of("Int", "Float", "Date", "DateTime", "String", "Decimal");

    final List<Operation> operations = new ArrayList<>();
    final Map<String, List<Arg>> inputs = new HashMap<>();
    final Map<String, String> firstEnumValue = new HashMap<>();

    @SuppressWarnings("unchecked")
    TypedInputs(JsonPath schema) {
        for (var type : schema.getList("data.__schema.types", Map.class)) {
            String name = (String) type.get("name");
            if ("INPUT_OBJECT".equals(type.get("kind"))) {
                inputs.put(name, ((List<Map<String, Object>>) type.get("inputFields")).stream()
                        .map(f -> new Arg((String) f.get("name"), TypeRef.of((Map<String, Object>) f.get("type")))).toList());
            } else if ("ENUM".equals(type.get("kind"))) {
                firstEnumValue.put(name, (String) ((List<Map<String, Object>>) type.get("enumValues")).getFirst().get("name"));
            }
        }
        for (String root : List.of("query", "mutation")) {
            String rootType = schema.getString("data.__schema." + root + "Type.name");
            var type = schema.getList("data.__schema.types", Map.class).stream().filter(t -> rootType.equals(t.get("name"))).findFirst().orElseThrow();
            for (var field : (List<Map<String, Object>>) type.get("fields")) {
                var args = ((List<Map<String, Object>>) field.get("args")).stream()
                        .map(a -> new Arg((String) a.get("name"), TypeRef.of((Map<String, Object>) a.get("type")))).toList();
                if (args.stream().anyMatch(a -> !leaves(a).isEmpty())) {
                    operations.add(new Operation(root, (String) field.get("name"), args, TypeRef.of((Map<String, Object>) field.get("type"))));
                }
            }
        }
    }

    Plan next(Random r) {
        Operation op = operations.get(r.nextInt(operations.size()));
        var withInput = op.args().stream().filter(a -> !leaves(a).isEmpty()).toList();
        Arg target = withInput.get(r.nextInt(withInput.size()));
        List<List<String>> leaves = leaves(target);
        List<String> leaf = leaves.get(r.nextInt(leaves.size()));
        String scalar = leaf.getLast();
        List<String> path = leaf.subList(0, leaf.size() - 1);
        boolean literal = r.nextInt(3) == 0;
        var variables = new LinkedHashMap<String, Object>();
        var arguments = new ArrayList<String>();
        var definitions = new ArrayList<String>();
        List<String> expected = new ArrayList<>();
        for (Arg arg : op.args()) {
            boolean planted = arg == target;
            if (!planted && !"NON_NULL".equals(arg.type().kind())) {
                continue;
            }
            Object value = planted ? plant(arg.type(), path, 0, bad(scalar, r)) : valid(arg.type(), 0);
            if (planted && literal) {
                arguments.add(arg.name() + ": " + literal(arg.type(), value));
                expected.add(arg.name());
            } else {
                String variable = "v" + variables.size();
                variables.put(variable, value);
                definitions.add("$" + variable + ": " + arg.type().sdl());
                arguments.add(arg.name() + ": $" + variable);
                if (planted) {
                    expected.add("$" + variable);
                }
            }
        }
        expected.addAll(path);
        String selection = Set.of("SCALAR", "ENUM").contains(op.returns().named().kind()) ? "" : " { __typename }";
        String query = op.root() + (definitions.isEmpty() ? "" : "(" + String.join(", ", definitions) + ")") + " { " + op.name()
                + "(" + String.join(", ", arguments) + ")" + selection + " }";
        return new Plan(query, variables, expected, reasons(scalar), scalar);
    }

    private List<List<String>> leaves(Arg arg) {
        List<List<String>> out = new ArrayList<>();
        if (inputs.containsKey(arg.type().named().name())) {
            leaves(arg.type(), new ArrayList<>(), out, 0);
        }
        return out;
    }

    /** Paths to every plantable scalar below a type: field names, "0" for a list element, the scalar's name last. */
    private void leaves(TypeRef type, List<String> path, List<List<String>> out, int depth) {
        if (depth > 6) {
            return;
        }
        switch (type.kind()) {
            case "NON_NULL" -> leaves(type.of(), path, out, depth);
            case "LIST" -> {
                path.add("0");
                leaves(type.of(), path, out, depth + 1);
                path.removeLast();
            }
            case "INPUT_OBJECT" -> {
                for (Arg field : inputs.get(type.name())) {
                    path.add(field.name());
                    leaves(field.type(), path, out, depth + 1);
                    path.removeLast();
                }
            }
            case "SCALAR" -> {
                if (PLANTED.contains(type.name())) {
                    var leaf = new ArrayList<>(path);
                    leaf.add(type.name());
                    out.add(leaf);
                }
            }
            default -> {
            }
        }
    }

    private Object plant(TypeRef type, List<String> path, int at, Object bad) {
        if (type.kind().equals("NON_NULL")) {
            return plant(type.of(), path, at, bad);
        }
        if (at == path.size()) {
            return bad;
        }
        if (type.kind().equals("LIST")) {
            return new ArrayList<>(List.of(plant(type.of(), path, at + 1, bad)));
        }
        @SuppressWarnings("unchecked")
        var object = (Map<String, Object>) valid(type, 0);
        var field = inputs.get(type.name()).stream().filter(f -> f.name().equals(path.get(at))).findFirst().orElseThrow();
        object.put(field.name(), plant(field.type(), path, at + 1, bad));
        return object;
    }

    /** A value that passes the input check: required fields only, one list element. */
    private Object valid(TypeRef type, int depth) {
        return switch (type.kind()) {
            case "NON_NULL" -> valid(type.of(), depth);
            case "LIST" -> new ArrayList<>(depth > 6 ? List.of() : List.of(valid(type.of(), depth + 1)));
            case "ENUM" -> firstEnumValue.get(type.name());
            case "INPUT_OBJECT" -> {
                var object = new LinkedHashMap<String, Object>();
                for (Arg field : inputs.get(type.name())) {
                    if (field.type().kind().equals("NON_NULL") && depth < 6) {
                        object.put(field.name(), valid(field.type(), depth + 1));
                    }
                }
                yield object;
            }
            default -> switch (type.name()) {
                case "Int" -> 1;
                case "Float" -> 1.5;
                case "Boolean" -> true;
                case "Date" -> LocalDate.now(ZoneOffset.UTC).toString();
                case "DateTime" -> OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).toString();
                case "Decimal" -> "1.00";
                case "ID" -> "gid://leadproof/Lead/00000000-0000-0000-0000-000000000001";
                default -> "fuzz";
            };
        };
    }

    private static Object bad(String scalar, Random r) {
        List<Object> choices = switch (scalar) {
            case "Int" -> List.of(1.5, 2.9999, "42", new BigDecimal("1e309"), new BigDecimal("-1e309"), 2147483648L, true, new BigDecimal("1e999999999"));
            case "Float" -> List.of("1.5", "NaN", true, new BigDecimal("1e999999"));
            case "Date" -> List.of("2026-13-45", "+99999-12-31", "yesterday", 20250101, LocalDate.now(ZoneOffset.UTC).plusYears(11).toString());
            case "DateTime" -> List.of("2025-13-45T99:00:00Z", "+99999-12-31T00:00:00Z", "2025-06-01", "soon",
                    OffsetDateTime.now(ZoneOffset.UTC).minusYears(11).toString());
            case "Decimal" -> List.of("NaN", "1e999999999", "12,50", "0x10");
            default -> List.of("Evil\u202Egpj.exe", "ad\u200Bmin", "\uFEFFtext", "left\u2067right", 42);
        };
        return choices.get(r.nextInt(choices.size()));
    }

    private static Set<String> reasons(String scalar) {
        return switch (scalar) {
            case "Int" -> Set.of("INVALID_INT");
            case "Float" -> Set.of("INVALID_FLOAT");
            case "Date", "DateTime" -> Set.of("INVALID_DATE", "DATE_OUT_OF_RANGE");
            case "Decimal" -> Set.of("INVALID_DECIMAL");
            default -> Set.of("INVALID_CHARACTERS", "WRONG_TYPE");
        };
    }

    /** The value written as a GraphQL literal of the given type. */
    private String literal(TypeRef type, Object value) {
        if (value == null) {
            return "null";
        }
        return switch (type.kind()) {
            case "NON_NULL" -> literal(type.of(), value);
            case "LIST" -> value instanceof List<?> list
                    ? list.stream().map(v -> literal(type.of(), v)).collect(Collectors.joining(", ", "[", "]"))
                    : literal(type.of(), value);
            case "INPUT_OBJECT" -> value instanceof Map<?, ?> map ? map.entrySet().stream()
                    .map(e -> e.getKey() + ": " + literal(inputs.get(type.name()).stream().filter(f -> f.name().equals(e.getKey()))
                            .findFirst().orElseThrow().type(), e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}")) : scalarLiteral(value);
            case "ENUM" -> value instanceof String s ? s : scalarLiteral(value);
            default -> scalarLiteral(value);
        };
    }

    private static String scalarLiteral(Object value) {
        if (value instanceof String s) {
            return new JsonArray().add(s).encode().replaceAll("^\\[|\\]$", "");
        }
        if (value instanceof BigDecimal d) {
            return d.toString();
        }
        return String.valueOf(value);
    }

    /** Null when the answer refuses the planted value as it must, else what is wrong with it. */
    static String problem(Plan plan, JsonObject answer) {
        if (answer.getValue("data") != null) {
            return "the planted " + plan.scalar() + " at " + plan.field() + " was not refused";
        }
        JsonArray errors = answer.getJsonArray("errors");
        if (errors == null) {
            return "no errors";
        }
        for (Object e : errors) {
            JsonObject extensions = ((JsonObject) e).getJsonObject("extensions");
            if (extensions != null && "INVALID_ARGUMENT".equals(extensions.getValue("code"))
                    && plan.reasons().contains(extensions.getValue("reason"))
                    && extensions.getValue("field") instanceof JsonArray field && field.getList().equals(plan.field())) {
                return null;
            }
        }
        return "no INVALID_ARGUMENT error with reason " + plan.reasons() + " naming " + plan.field();
    }
}
