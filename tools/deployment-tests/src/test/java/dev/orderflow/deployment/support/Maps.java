package dev.orderflow.deployment.support;

import java.util.List;
import java.util.Map;

/** Navigation in the plain maps and lists that YAML documents load into. */
public final class Maps {

    private Maps() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    public static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    /** The value at a dotted path of mapping keys, or null. */
    public static Object at(Object root, String path) {
        Object current = root;
        for (String key : path.split("\\.")) {
            current = of(current).get(key);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    public static Map<String, Object> mapAt(Object root, String path) {
        return of(at(root, path));
    }

    public static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
