package dev.orderflow.deployment.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

/** Who may talk to whom: Services, the Ingress and the NetworkPolicies. */
final class NetworkRules {

    static final String APP = "app.kubernetes.io/name";
    static final String GATEWAY = "api-gateway";
    static final String MONITORING = "namespace:monitoring";

    /**
     * The only callers each workload accepts; a namespaceSelector stands for the ingress controller, except the
     * namespace "monitoring", whose Prometheus may scrape the three services (k8s/components/monitoring). A
     * workload missing here (a new one) must get its entry, i.e. a decision about who reaches it.
     */
    static final Map<String, Set<String>> ALLOWED_CALLERS = Map.of(
            GATEWAY, Set.of("namespace:ingress-controller", MONITORING),
            "order-service", Set.of(GATEWAY, MONITORING),
            "delivery-service", Set.of(GATEWAY, MONITORING),
            "postgres", Set.of("order-service", "delivery-service"),
            "kafka", Set.of("order-service", "delivery-service", "kafka"));

    private NetworkRules() {
    }

    static List<String> servicesSelectPods(ManifestSet set) {
        List<String> violations = new ArrayList<>();
        for (Service service : set.all(Service.class)) {
            String name = service.getMetadata().getName();
            if (!"ClusterIP".equals(Optional.ofNullable(service.getSpec().getType()).orElse("ClusterIP"))) {
                violations.add("Service " + name + " is " + service.getSpec().getType()
                        + "; only the Ingress exposes anything");
            }
            Map<String, String> selector = service.getSpec().getSelector();
            Optional<PodTemplateSpec> pod = set.podTemplates().values().stream()
                    .filter(template -> selector != null && !selector.isEmpty()
                            && Labels.selects(selector, template.getMetadata().getLabels()))
                    .findFirst();
            if (pod.isEmpty()) {
                violations.add("Service " + name + " selects no pod");
                continue;
            }
            for (var port : service.getSpec().getPorts()) {
                var target = port.getTargetPort();
                boolean exists = pod.get().getSpec().getContainers().stream()
                        .flatMap(container -> Optional.ofNullable(container.getPorts()).orElse(List.of()).stream())
                        .anyMatch(containerPort -> target.getIntVal() != null
                                ? target.getIntVal().equals(containerPort.getContainerPort())
                                : target.getStrVal().equals(containerPort.getName()));
                if (!exists) {
                    violations.add("Service " + name + " targets port " + target + ", which its pods do not have");
                }
            }
        }
        return violations;
    }

    static List<String> onlyTheGatewayIsExposed(ManifestSet set) {
        List<String> violations = new ArrayList<>();
        for (Ingress ingress : set.all(Ingress.class)) {
            ingress.getSpec().getRules().stream()
                    .flatMap(rule -> rule.getHttp().getPaths().stream())
                    .map(path -> path.getBackend().getService().getName())
                    .filter(backend -> !backend.equals(GATEWAY))
                    .forEach(backend -> violations.add("Ingress " + ingress.getMetadata().getName()
                            + " exposes " + backend + "; only the gateway is reachable from outside"));
            if (ingress.getSpec().getDefaultBackend() != null) {
                violations.add("Ingress " + ingress.getMetadata().getName() + " has a default backend");
            }
        }
        if (set.all(Ingress.class).isEmpty()) {
            violations.add("no Ingress for the gateway");
        }
        return violations;
    }

    /** A default deny for both directions, and every pod selected by a policy of its own. */
    static List<String> policiesCoverEveryPod(ManifestSet set) {
        List<String> violations = new ArrayList<>();
        boolean defaultDeny = set.all(NetworkPolicy.class).stream().anyMatch(policy ->
                isEmpty(policy.getSpec().getPodSelector().getMatchLabels())
                        && policy.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                        && isEmpty(policy.getSpec().getIngress()) && isEmpty(policy.getSpec().getEgress()));
        if (!defaultDeny) {
            violations.add("no default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules)");
        }
        set.podTemplates().forEach((workload, template) -> {
            boolean covered = set.all(NetworkPolicy.class).stream().anyMatch(policy ->
                    !isEmpty(policy.getSpec().getPodSelector().getMatchLabels())
                            && Labels.selects(policy.getSpec().getPodSelector(), template.getMetadata().getLabels()));
            if (!covered) {
                violations.add(workload + ": no NetworkPolicy selects its pods");
            }
        });
        return violations;
    }

    /** The callers every policy admits are the ones {@link #ALLOWED_CALLERS} grants, and no wider. */
    static List<String> callersAreTheAllowedOnes(ManifestSet set) {
        List<String> violations = new ArrayList<>();
        for (NetworkPolicy policy : set.all(NetworkPolicy.class)) {
            Map<String, String> selector = policy.getSpec().getPodSelector().getMatchLabels();
            if (isEmpty(selector)) {
                if (!isEmpty(policy.getSpec().getIngress())) {
                    violations.add(policy.getMetadata().getName() + ": admits callers to every pod");
                }
                continue;
            }
            String target = selector.get(APP);
            Set<String> allowed = ALLOWED_CALLERS.get(target);
            if (allowed == null) {
                violations.add(policy.getMetadata().getName() + ": selects " + selector
                        + ", for which no callers are decided (NetworkRules.ALLOWED_CALLERS)");
                continue;
            }
            for (NetworkPolicyIngressRule rule : Optional.ofNullable(policy.getSpec().getIngress()).orElse(List.of())) {
                if (isEmpty(rule.getFrom())) {
                    violations.add(policy.getMetadata().getName() + ": an ingress rule without from admits anyone");
                }
                for (NetworkPolicyPeer peer : Optional.ofNullable(rule.getFrom()).orElse(List.of())) {
                    String caller = caller(peer);
                    if (!allowed.contains(caller)) {
                        violations.add(policy.getMetadata().getName() + ": admits " + caller + " to " + target
                                + " (allowed: " + allowed + ")");
                    }
                }
            }
        }
        return violations;
    }

    private static String caller(NetworkPolicyPeer peer) {
        if (peer.getIpBlock() != null) {
            return "ipBlock:" + peer.getIpBlock().getCidr();
        }
        if (peer.getNamespaceSelector() != null) {
            boolean onePodKind = peer.getPodSelector() == null || isEmpty(peer.getPodSelector().getMatchLabels());
            Map<String, String> namespaceLabels = peer.getNamespaceSelector().getMatchLabels();
            if (namespaceLabels != null && "monitoring".equals(namespaceLabels.get("kubernetes.io/metadata.name"))) {
                return MONITORING;
            }
            return isEmpty(peer.getNamespaceSelector().getMatchLabels()) ? "namespace:any"
                    : onePodKind ? "namespace:ingress-controller" : "namespace+pods";
        }
        return Optional.ofNullable(peer.getPodSelector().getMatchLabels()).map(labels -> labels.get(APP))
                .orElse("any pod");
    }

    private static boolean isEmpty(Map<?, ?> map) {
        return map == null || map.isEmpty();
    }

    private static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }
}
