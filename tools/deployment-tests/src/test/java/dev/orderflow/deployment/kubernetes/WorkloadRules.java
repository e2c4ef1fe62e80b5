package dev.orderflow.deployment.kubernetes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import dev.orderflow.deployment.support.JvmEnvironment;
import dev.orderflow.deployment.support.SpringService;

/**
 * Rules every pod of orderflow keeps, each returning what breaks it (empty when kept). A container whose name
 * is a Spring Boot module (order-service, delivery-service, api-gateway) is held to that service's own
 * configuration: its port, health groups and shutdown timeout come from its application.yml.
 */
final class WorkloadRules {

    private static final Quantity JVM_MINIMUM_MEMORY = new Quantity("512Mi");

    private WorkloadRules() {
    }

    static List<String> selectorsMatchPodLabels(ManifestSet set) {
        List<String> violations = new ArrayList<>();
        set.all(Deployment.class).forEach(d -> checkSelector(d.getMetadata().getName(), d.getSpec().getSelector(),
                d.getSpec().getTemplate(), violations));
        set.all(io.fabric8.kubernetes.api.model.apps.StatefulSet.class).forEach(s -> checkSelector(
                s.getMetadata().getName(), s.getSpec().getSelector(), s.getSpec().getTemplate(), violations));
        return violations;
    }

    private static void checkSelector(String workload, LabelSelector selector, PodTemplateSpec template,
                                      List<String> violations) {
        if (selector == null || selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty()) {
            violations.add(workload + ": no matchLabels selector");
        } else if (!Labels.selects(selector, template.getMetadata().getLabels())) {
            violations.add(workload + ": selector " + selector.getMatchLabels() + " does not match its pod labels "
                    + template.getMetadata().getLabels());
        }
    }

    static List<String> probePortsExist(ManifestSet set) {
        List<String> violations = new ArrayList<>();
        forEachContainer(set, (workload, pod, container) -> {
            for (Probe probe : probes(container)) {
                IntOrString port = probe.getHttpGet() != null ? probe.getHttpGet().getPort()
                        : probe.getTcpSocket() != null ? probe.getTcpSocket().getPort() : null;
                if (port != null && !declaresPort(container, port)) {
                    violations.add(workload + "/" + container.getName() + ": probe port " + describe(port)
                            + " is not a port of the container");
                }
            }
        });
        return violations;
    }

    /** Liveness and startup ask the liveness group, readiness the readiness group, and liveness holds nothing else. */
    static List<String> springProbesUseHealthGroups(ManifestSet set) {
        List<String> violations = new ArrayList<>();
        forEachSpringContainer(set, (workload, pod, container, service) -> {
            expectPath(workload, "startupProbe", container.getStartupProbe(), "/actuator/health/liveness", violations);
            expectPath(workload, "livenessProbe", container.getLivenessProbe(), "/actuator/health/liveness",
                    violations);
            expectPath(workload, "readinessProbe", container.getReadinessProbe(), "/actuator/health/readiness",
                    violations);
            if (!service.healthProbesEnabled()) {
                violations.add(service.name() + ": management.endpoint.health.probes.enabled is not true in its "
                        + "application.yml, so the probe groups exist only when Boot detects Kubernetes");
            }
            List<String> liveness = service.healthGroupMembers("liveness");
            if (!Set.of("livenessState", "ping").containsAll(liveness)) {
                violations.add(service.name() + ": its liveness group includes " + liveness
                        + "; a dependency's outage or an open circuit breaker would restart the pod");
            }
        });
        return violations;
    }

    /**
     * Every probe asks the management port (management.server.port), which the container declares; a scrape
     * annotation names it too. The main port serves no actuator.
     */
    static List<String> springProbesAskTheManagementPort(ManifestSet set) {
        List<String> violations = new ArrayList<>();
        forEachSpringContainer(set, (workload, pod, container, service) -> {
            int managementPort = service.managementPort();
            if (!declaresPort(container, new IntOrString(managementPort))) {
                violations.add(workload + ": declares no container port " + managementPort
                        + " (its management.server.port)");
            }
            Map<String, Probe> probes = new LinkedHashMap<>();
            probes.put("startupProbe", container.getStartupProbe());
            probes.put("livenessProbe", container.getLivenessProbe());
            probes.put("readinessProbe", container.getReadinessProbe());
            probes.forEach((kind, probe) -> {
                Integer port = probe == null || probe.getHttpGet() == null ? null
                        : portNumber(container, probe.getHttpGet().getPort());
                if (port != null && port != managementPort) {
                    violations.add(workload + ": " + kind + " asks port " + port + ", not the management port "
                            + managementPort);
                }
            });
        });
        springWorkloads(set).forEach((workload, template) -> {
            String annotated = Optional.ofNullable(template.getMetadata().getAnnotations()).orElse(Map.of())
                    .get("prometheus.io/port");
            int managementPort = SpringService.named(template.getSpec().getContainers().stream()
                    .filter(container -> SpringService.exists(container.getName())).findFirst().orElseThrow()
                    .getName()).managementPort();
            if (annotated != null && !annotated.equals(String.valueOf(managementPort))) {
                violations.add(workload + ": prometheus.io/port " + annotated + " is not its management port "
                        + managementPort);
            }
        });
        return violations;
    }

    /** A port as a number: a named port is the container's port of that name (null when there is none). */
    static Integer portNumber(Container container, IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return Optional.ofNullable(container.getPorts()).orElse(List.of()).stream()
                .filter(candidate -> port.getStrVal().equals(candidate.getName()))
                .map(ContainerPort::getContainerPort).findFirst().orElse(null);
    }

    private static void expectPath(String workload, String kind, Probe probe, String path, List<String> violations) {
        if (probe == null || probe.getHttpGet() == null) {
            violations.add(workload + ": no HTTP " + kind);
        } else if (!path.equals(probe.getHttpGet().getPath())) {
            violations.add(workload + ": " + kind + " asks " + probe.getHttpGet().getPath() + ", expected " + path);
        }
    }

    static List<String> resourcesAreBounded(ManifestSet set) {
        List<String> violations = new ArrayList<>();
        forEachContainer(set, (workload, pod, container) -> {
            ResourceRequirements resources = container.getResources();
            String where = workload + "/" + container.getName();
            for (String resource : List.of("cpu", "memory")) {
                if (resources == null || resources.getRequests() == null || !resources.getRequests().containsKey(resource)) {
                    violations.add(where + ": no " + resource + " request");
                }
                if (resources == null || resources.getLimits() == null || !resources.getLimits().containsKey(resource)) {
                    violations.add(where + ": no " + resource + " limit");
                }
            }
            if (resources != null && resources.getLimits() != null && resources.getRequests() != null
                    && resources.getLimits().containsKey("memory") && resources.getRequests().containsKey("memory")
                    && bytes(resources.getLimits().get("memory")) < bytes(resources.getRequests().get("memory"))) {
                violations.add(where + ": memory limit below its request");
            }
            if (SpringService.exists(container.getName()) && resources != null && resources.getLimits() != null
                    && resources.getLimits().containsKey("memory")
                    && bytes(resources.getLimits().get("memory")) < bytes(JVM_MINIMUM_MEMORY)) {
                violations.add(where + ": a JVM service needs a memory limit of at least " + JVM_MINIMUM_MEMORY);
            }
        });
        return violations;
    }

    /** The restricted Pod Security Standard, plus a read-only root filesystem with a writable /tmp. */
    static List<String> securityContextsAreRestricted(ManifestSet set) {
        List<String> violations = new ArrayList<>();
        set.podTemplates().forEach((workload, template) -> {
            PodSpec pod = template.getSpec();
            PodSecurityContext podContext = pod.getSecurityContext();
            if (podContext == null || !Boolean.TRUE.equals(podContext.getRunAsNonRoot())) {
                violations.add(workload + ": pod securityContext.runAsNonRoot is not true");
            } else if (podContext.getRunAsUser() == null || podContext.getRunAsUser() == 0) {
                violations.add(workload + ": pod securityContext.runAsUser must be a non-zero id");
            }
            if (podContext == null || podContext.getSeccompProfile() == null
                    || !"RuntimeDefault".equals(podContext.getSeccompProfile().getType())) {
                violations.add(workload + ": pod seccompProfile is not RuntimeDefault");
            }
            if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
                violations.add(workload + ": automountServiceAccountToken is not false");
            }
        });
        forEachContainer(set, (workload, pod, container) -> {
            String where = workload + "/" + container.getName();
            SecurityContext context = container.getSecurityContext();
            if (context == null || !Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
                violations.add(where + ": allowPrivilegeEscalation is not false");
            }
            if (context == null || !Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())) {
                violations.add(where + ": readOnlyRootFilesystem is not true");
            }
            if (context == null || context.getCapabilities() == null
                    || !Objects.equals(context.getCapabilities().getDrop(), List.of("ALL"))
                    || (context.getCapabilities().getAdd() != null && !context.getCapabilities().getAdd().isEmpty())) {
                violations.add(where + ": capabilities are not drop [ALL] with nothing added");
            }
            if (context != null && Boolean.TRUE.equals(context.getPrivileged())) {
                violations.add(where + ": privileged");
            }
            if (SpringService.exists(container.getName()) && writableMount(pod, container, "/tmp").isEmpty()) {
                violations.add(where + ": no writable emptyDir at /tmp for the JVM");
            }
        });
        return violations;
    }

    /** preStop pause, then Spring's graceful shutdown, both inside the termination grace period. */
    static List<String> springShutdownFitsTheGracePeriod(ManifestSet set) {
        List<String> violations = new ArrayList<>();
        forEachSpringContainer(set, (workload, pod, container, service) -> {
            long pause = container.getLifecycle() == null || container.getLifecycle().getPreStop() == null ? 0
                    : preStopSeconds(container);
            if (pause < 5) {
                violations.add(workload + ": no preStop pause of at least 5 s for endpoint removal to spread");
            }
            long grace = pod.getTerminationGracePeriodSeconds() == null ? 30 : pod.getTerminationGracePeriodSeconds();
            Duration needed = Duration.ofSeconds(pause).plus(service.shutdownPhaseTimeout());
            if (grace <= needed.toSeconds()) {
                violations.add(workload + ": terminationGracePeriodSeconds " + grace + " is not longer than preStop "
                        + pause + " s + timeout-per-shutdown-phase " + service.shutdownPhaseTimeout().toSeconds() + " s");
            }
        });
        return violations;
    }

    private static long preStopSeconds(Container container) {
        var preStop = container.getLifecycle().getPreStop();
        if (preStop.getSleep() != null) {
            return preStop.getSleep().getSeconds();
        }
        if (preStop.getExec() != null && preStop.getExec().getCommand().size() == 2
                && preStop.getExec().getCommand().getFirst().equals("sleep")) {
            return Long.parseLong(preStop.getExec().getCommand().get(1));
        }
        return 0;
    }

    static List<String> configReferencesResolve(ManifestSet set) {
        List<String> violations = new ArrayList<>();
        forEachContainer(set, (workload, pod, container) -> {
            String where = workload + "/" + container.getName();
            for (EnvFromSource source : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
                String name = source.getConfigMapRef() != null ? source.getConfigMapRef().getName()
                        : source.getSecretRef().getName();
                if (set.configData(name).isEmpty()) {
                    violations.add(where + ": envFrom " + name + " does not exist");
                }
            }
            for (EnvVar variable : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
                if (variable.getValueFrom() == null) {
                    continue;
                }
                var configKey = variable.getValueFrom().getConfigMapKeyRef();
                var secretKey = variable.getValueFrom().getSecretKeyRef();
                String name = configKey != null ? configKey.getName() : secretKey != null ? secretKey.getName() : null;
                String key = configKey != null ? configKey.getKey() : secretKey != null ? secretKey.getKey() : null;
                if (name != null && set.configData(name).map(data -> !data.containsKey(key)).orElse(true)) {
                    violations.add(where + ": " + variable.getName() + " refers to " + name + "/" + key
                            + ", which does not exist");
                }
            }
        });
        set.podTemplates().forEach((workload, template) -> {
            for (Volume volume : Optional.ofNullable(template.getSpec().getVolumes()).orElse(List.of())) {
                String name = volume.getConfigMap() != null ? volume.getConfigMap().getName()
                        : volume.getSecret() != null ? volume.getSecret().getSecretName() : null;
                if (name != null && set.configData(name).isEmpty()) {
                    violations.add(workload + ": volume " + volume.getName() + " refers to " + name
                            + ", which does not exist");
                }
            }
        });
        return violations;
    }

    /** A tag that names a version (or a digest): never latest, never none. */
    static List<String> imagesArePinned(ManifestSet set) {
        List<String> violations = new ArrayList<>();
        forEachContainer(set, (workload, pod, container) -> {
            String image = container.getImage();
            String tag = image.contains("@") ? "digest" : image.substring(image.lastIndexOf('/') + 1)
                    .contains(":") ? image.substring(image.lastIndexOf(':') + 1) : null;
            if (tag == null || tag.equals("latest")) {
                violations.add(workload + "/" + container.getName() + ": image " + image + " is not pinned to a version");
            }
        });
        return violations;
    }

    /** Each Spring service's environment names only properties that service reads (no silent drift). */
    static List<String> springEnvironmentIsRead(ManifestSet set) {
        List<String> violations = new ArrayList<>();
        forEachSpringContainer(set, (workload, pod, container, service) -> {
            for (String variable : environmentNames(set, container)) {
                if (!service.catalog().reads(variable) && !JvmEnvironment.isJvmVariable(variable)) {
                    violations.add(workload + ": " + variable + " maps to no property " + service.name() + " reads");
                }
            }
        });
        return violations;
    }

    /** The names a container's environment holds: env entries and every key of its envFrom sources. */
    static Set<String> environmentNames(ManifestSet set, Container container) {
        Set<String> names = new HashSet<>();
        Optional.ofNullable(container.getEnv()).orElse(List.of()).forEach(variable -> names.add(variable.getName()));
        for (EnvFromSource source : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
            String name = source.getConfigMapRef() != null ? source.getConfigMapRef().getName()
                    : source.getSecretRef().getName();
            String prefix = Optional.ofNullable(source.getPrefix()).orElse("");
            set.configData(name).ifPresent(data -> data.keySet().forEach(key -> names.add(prefix + key)));
        }
        return names;
    }

    /** A service's pods hold its own database credentials only: the other role's Secret is not theirs. */
    static List<String> databaseCredentialsStayWithTheirService(ManifestSet set) {
        List<String> violations = new ArrayList<>();
        forEachSpringContainer(set, (workload, pod, container, service) -> {
            Stream.concat(
                    Optional.ofNullable(container.getEnvFrom()).orElse(List.of()).stream()
                            .filter(source -> source.getSecretRef() != null)
                            .map(source -> source.getSecretRef().getName()),
                    Optional.ofNullable(container.getEnv()).orElse(List.of()).stream()
                            .filter(variable -> variable.getValueFrom() != null
                                    && variable.getValueFrom().getSecretKeyRef() != null)
                            .map(variable -> variable.getValueFrom().getSecretKeyRef().getName()))
                    .filter(secret -> !secret.startsWith(service.name() + "-"))
                    .forEach(secret -> violations.add(workload + ": uses the Secret " + secret
                            + ", which is not its own"));
        });
        return violations;
    }

    private static Set<String> ports(Container container) {
        Set<String> ports = new HashSet<>();
        for (ContainerPort port : Optional.ofNullable(container.getPorts()).orElse(List.of())) {
            ports.add(String.valueOf(port.getContainerPort()));
            if (port.getName() != null) {
                ports.add(port.getName());
            }
        }
        return ports;
    }

    private static boolean declaresPort(Container container, IntOrString port) {
        return ports(container).contains(describe(port));
    }

    private static String describe(IntOrString port) {
        return port.getIntVal() != null ? String.valueOf(port.getIntVal()) : port.getStrVal();
    }

    private static List<Probe> probes(Container container) {
        return Stream.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())
                .filter(Objects::nonNull).toList();
    }

    private static Optional<Volume> writableMount(PodSpec pod, Container container, String path) {
        return Optional.ofNullable(container.getVolumeMounts()).orElse(List.of()).stream()
                .filter(mount -> mount.getMountPath().equals(path) && !Boolean.TRUE.equals(mount.getReadOnly()))
                .flatMap(mount -> Optional.ofNullable(pod.getVolumes()).orElse(List.of()).stream()
                        .filter(volume -> volume.getName().equals(mount.getName()) && volume.getEmptyDir() != null))
                .findFirst();
    }

    private static long bytes(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity).longValue();
    }

    interface ContainerCheck {
        void check(String workload, PodSpec pod, Container container);
    }

    interface SpringContainerCheck {
        void check(String workload, PodSpec pod, Container container, SpringService service);
    }

    /** Init containers too: they run with the same privileges. */
    static void forEachContainer(ManifestSet set, ContainerCheck check) {
        set.podTemplates().forEach((workload, template) -> {
            PodSpec pod = template.getSpec();
            Stream.concat(Optional.ofNullable(pod.getInitContainers()).orElse(List.of()).stream(),
                    pod.getContainers().stream()).forEach(container -> check.check(workload, pod, container));
        });
    }

    static void forEachSpringContainer(ManifestSet set, SpringContainerCheck check) {
        set.podTemplates().forEach((workload, template) -> template.getSpec().getContainers().stream()
                .filter(container -> SpringService.exists(container.getName()))
                .forEach(container -> check.check(workload, template.getSpec(), container,
                        SpringService.named(container.getName()))));
    }

    static Map<String, PodTemplateSpec> springWorkloads(ManifestSet set) {
        Map<String, PodTemplateSpec> workloads = new LinkedHashMap<>(set.podTemplates());
        workloads.values().removeIf(template -> template.getSpec().getContainers().stream()
                .noneMatch(container -> SpringService.exists(container.getName())));
        return workloads;
    }
}
