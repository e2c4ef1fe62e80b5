package dev.orderflow.deployment.support;

import java.util.Set;

/** Variables the JVM itself reads, not Spring: allowed beside a service's properties. */
public final class JvmEnvironment {

    private static final Set<String> VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    private JvmEnvironment() {
    }

    public static boolean isJvmVariable(String name) {
        return VARIABLES.contains(name);
    }
}
