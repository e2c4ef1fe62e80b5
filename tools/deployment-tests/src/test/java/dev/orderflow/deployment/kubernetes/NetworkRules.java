package dev.orderflow.deployment.kubernetes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

import dev.orderflow.deployment.support.IdentityProvider;
import dev.orderflow.deployment.support.SpringService;

/** Who may talk to whom: Services, the Ingress and the NetworkPolicies. */
final class NetworkRules {

    static final String APP = "app.kubernetes.io/name";
    static final String GATEWAY = "api-gateway";
    static final String KEYCLOAK = "keycloak";
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
            "kafka", Set.of("order-service", "delivery-service", "kafka"),
            // Browsers log in through the ingress controller; the services fetch the realm's keys.
            KEYCLOAK, Set.of("namespace:ingress-controller", GATEWAY, "order-service", "delivery-service"));

    /**
     * The paths an Ingress may route, by backend: the APIs, Swagger UI and the OpenAPI documents it reads, and the
     * realm's login pages, tokens and keys with their assets. Never "/" (which holds /actuator) nor /actuator.
     */
    static final Map<String, Set<String>> PUBLIC_PATHS = Map.of(
            GATEWAY, Set.of("/api", "/swagger-ui.html", "/swagger-ui", "/webjars", "/openapi", "/v3/api-docs"),
            KEYCLOAK, Set.of("/realms/" + IdentityProvider.realmName(), "/resources"));

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

    /** From outside, only the gateway's public paths and Keycloak's login paths are reachable: {@link #PUBLIC_PATHS}. */
    static List<String> ingressesRouteOnlyPublicPaths(ManifestSet set) {
        List<String> violations = new ArrayList<>();
        for (Ingress ingress : set.all(Ingress.class)) {
            String name = "Ingress " + ingress.getMetadata().getName();
            for (HTTPIngressPath path : ingress.getSpec().getRules().stream()
                    .flatMap(rule -> rule.getHttp().getPaths().stream()).toList()) {
                String backend = path.getBackend().getService().getName();
                String route = Optional.ofNullable(path.getPath()).orElse("/");
                if (route.equals("/") || route.startsWith("/actuator")) {
                    violations.add(name + " routes " + route + " to " + backend + ", which reaches /actuator");
                } else if (!PUBLIC_PATHS.getOrDefault(backend, Set.of()).contains(route)) {
                    violations.add(name + " routes " + route + " to " + backend + ": not one of its public paths "
                            + PUBLIC_PATHS.getOrDefault(backend, Set.of()));
                }
                if (!Set.of("Prefix", "Exact").contains(path.getPathType())) {
                    violations.add(name + ": path " + route + " is " + path.getPathType()
                            + " (a regular expression for some controllers), not Prefix or Exact");
                }
            }
            if (ingress.getSpec().getDefaultBackend() != null) {
                violations.add(name + " has a default backend");
            }
        }
        boolean gatewayRouted = set.all(Ingress.class).stream().flatMap(ingress -> ingress.getSpec().getRules().stream())
                .flatMap(rule -> rule.getHttp().getPaths().stream())
                .anyMatch(path -> path.getBackend().getService().getName().equals(GATEWAY));
        if (!gatewayRouted) {
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

    /**
     * The management ports (the services' management.server.port, any container port named "management", such as
     * Keycloak's) admit Prometheus in the namespace monitoring only, and Prometheus reaches nothing else. The
     * kubelet's probes are not subject to NetworkPolicies.
     */
    static List<String> onlyPrometheusReachesManagementPorts(ManifestSet set) {
        List<String> violations = new ArrayList<>();
        for (NetworkPolicy policy : set.all(NetworkPolicy.class)) {
            Map<String, String> selector = policy.getSpec().getPodSelector().getMatchLabels();
            if (isEmpty(selector)) {
                continue;
            }
            List<Container> containers = set.podTemplates().values().stream()
                    .filter(template -> Labels.selects(selector, template.getMetadata().getLabels()))
                    .flatMap(template -> template.getSpec().getContainers().stream()).toList();
            Map<Integer, String> managementPorts = managementPorts(containers);
            for (NetworkPolicyIngressRule rule : Optional.ofNullable(policy.getSpec().getIngress()).orElse(List.of())) {
                // No ports: every port of the pods.
                Set<Integer> ports = isEmpty(rule.getPorts()) ? null : admittedPorts(rule.getPorts(), containers);
                for (NetworkPolicyPeer peer : Optional.ofNullable(rule.getFrom()).orElse(List.of())) {
                    String caller = caller(peer);
                    if (caller.equals(MONITORING)) {
                        if (ports == null || !managementPorts.keySet().containsAll(ports)) {
                            violations.add(policy.getMetadata().getName() + ": admits " + caller + " to "
                                    + (ports == null ? "every port" : ports) + " of " + selector.get(APP)
                                    + ", more than its management ports " + managementPorts.keySet());
                        }
                        continue;
                    }
                    managementPorts.forEach((port, workload) -> {
                        if (ports == null || ports.contains(port)) {
                            violations.add(policy.getMetadata().getName() + ": admits " + caller
                                    + " to the management port " + port + " of " + workload
                                    + "; only Prometheus may reach it");
                        }
                    });
                }
            }
        }
        return violations;
    }

    private static Map<Integer, String> managementPorts(List<Container> containers) {
        Map<Integer, String> ports = new TreeMap<>();
        for (Container container : containers) {
            if (SpringService.exists(container.getName())) {
                ports.put(SpringService.named(container.getName()).managementPort(), container.getName());
            }
            Optional.ofNullable(container.getPorts()).orElse(List.of()).stream()
                    .filter(port -> "management".equals(port.getName()))
                    .forEach(port -> ports.put(port.getContainerPort(), container.getName()));
        }
        return ports;
    }

    /** A policy's ports as numbers: a named port is the container port of that name, a range each of its ports. */
    private static Set<Integer> admittedPorts(List<NetworkPolicyPort> ports, List<Container> containers) {
        Set<Integer> numbers = new HashSet<>();
        for (NetworkPolicyPort port : ports) {
            IntOrString value = port.getPort();
            if (value == null) {
                containers.stream().flatMap(container -> Optional.ofNullable(container.getPorts()).orElse(List.of())
                        .stream()).map(ContainerPort::getContainerPort).forEach(numbers::add);
            } else if (value.getIntVal() != null) {
                int last = Optional.ofNullable(port.getEndPort()).orElse(value.getIntVal());
                for (int number = value.getIntVal(); number <= last; number++) {
                    numbers.add(number);
                }
            } else {
                containers.stream().flatMap(container -> Optional.ofNullable(container.getPorts()).orElse(List.of())
                        .stream()).filter(named -> value.getStrVal().equals(named.getName()))
                        .map(ContainerPort::getContainerPort).forEach(numbers::add);
            }
        }
        return numbers;
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
