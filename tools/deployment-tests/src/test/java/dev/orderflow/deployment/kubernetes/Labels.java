package dev.orderflow.deployment.kubernetes;

import java.util.Map;

import io.fabric8.kubernetes.api.model.LabelSelector;

/** Label selection as Kubernetes does it for the matchLabels form orderflow uses (matchExpressions would fail). */
final class Labels {

    private Labels() {
    }

    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
            throw new IllegalArgumentException("matchExpressions are not used in orderflow's manifests: " + selector);
        }
        return selects(selector.getMatchLabels(), labels);
    }

    static boolean selects(Map<String, String> matchLabels, Map<String, String> labels) {
        Map<String, String> wanted = matchLabels == null ? Map.of() : matchLabels;
        Map<String, String> present = labels == null ? Map.of() : labels;
        return wanted.entrySet().stream().allMatch(entry -> entry.getValue().equals(present.get(entry.getKey())));
    }
}
