package io.leadproof.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;

/** Every type, field, argument, input field and enum value of LeadProof's own schema is described. */
@QuarkusTest
class SchemaDescriptionsTest {

    @Test
    void every_schema_element_has_a_description() {
        var json = GraphQL.ok("""
                { __schema { types { name kind description
                    fields { name description args { name description } }
                    inputFields { name description }
                    enumValues { name description } } } }""");
        List<Map<String, Object>> types = json.getList("data.__schema.types");
        var missing = new ArrayList<String>();
        for (var type : types) {
            String name = (String) type.get("name");
            if (name.startsWith("__") || List.of("String", "Boolean", "Int", "Float", "ID").contains(name)) {
                continue;
            }
            check(missing, name, type);
            each(type, "fields").forEach(f -> {
                check(missing, name + "." + f.get("name"), f);
                each(f, "args").forEach(a -> check(missing, name + "." + f.get("name") + "(" + a.get("name") + ")", a));
            });
            each(type, "inputFields").forEach(f -> check(missing, name + "." + f.get("name"), f));
            each(type, "enumValues").forEach(v -> check(missing, name + "." + v.get("name"), v));
        }
        assertThat(missing).as("schema elements without a description").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> each(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    private static void check(List<String> missing, String path, Map<String, Object> element) {
        Object d = element.get("description");
        if (d == null || d.toString().isBlank()) {
            missing.add(path);
        }
    }
}
