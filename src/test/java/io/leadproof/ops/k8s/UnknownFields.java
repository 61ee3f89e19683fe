package io.leadproof.ops.k8s;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields a fabric8 model object did not know. fabric8's classes accept any field into
 * {@code additionalProperties} (Jackson's any-setter), so failing on unknown properties alone would miss a misspelt
 * field; this walks the whole object (records holding fabric8 parts too) and lists every non-empty
 * {@code additionalProperties} with its path.
 */
final class UnknownFields {

    private final List<String> found = new ArrayList<>();
    private final Map<Object, Boolean> seen = new IdentityHashMap<>();

    private UnknownFields() {
    }

    static List<String> of(Object model) {
        var walker = new UnknownFields();
        walker.walk(model, "");
        return walker.found;
    }

    private void walk(Object value, String path) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]");
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k));
            return;
        }
        if (value instanceof Record record) {
            for (var component : record.getClass().getRecordComponents()) {
                walk(invoke(component.getAccessor(), record), path + "." + component.getName());
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object child = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(k -> found.add(path + "." + k));
                }
            } else {
                walk(child, path + "." + decapitalize(getter.getName().substring(3)));
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            return null;
        }
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
