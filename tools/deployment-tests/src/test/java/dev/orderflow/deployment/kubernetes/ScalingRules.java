package dev.orderflow.deployment.kubernetes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/** How the services scale out: replicas, autoscalers, disruption budgets, Kafka partitions and brokers. */
final class ScalingRules {

    /** MessagingProperties' defaults, used where no variable sets them. */
    private static final int DEFAULT_PARTITIONS = 6;
    private static final int DEFAULT_CONCURRENCY = 3;

    private ScalingRules() {
    }

    /**
     * A Kafka consumer group shares a topic's partitions among its members: at the largest size of a deployment
     * (the HPA's maxReplicas) each instance, and each of its consumer threads, must own at least one partition,
     * and every service must declare the topics with the same count (each declares all of them).
     */
    static List<String> partitionsCoverTheLargestDeployment(ManifestSet set) {
        List<String> violations = new ArrayList<>();
        Map<String, Integer> partitionsByService = new HashMap<>();
        WorkloadRules.forEachSpringContainer(set, (workload, pod, container, service) -> {
            Map<String, String> environment = environment(set, container);
            if (!environment.containsKey("SPRING_KAFKA_BOOTSTRAP_SERVERS")) {
                return;
            }
            int partitions = Integer.parseInt(environment.getOrDefault("ORDERFLOW_MESSAGING_PARTITIONS",
                    String.valueOf(DEFAULT_PARTITIONS)));
            int concurrency = Integer.parseInt(environment.getOrDefault("ORDERFLOW_MESSAGING_CONSUMER_CONCURRENCY",
                    String.valueOf(DEFAULT_CONCURRENCY)));
            int maxReplicas = maxReplicas(set, workload);
            partitionsByService.put(workload, partitions);
            if (partitions < maxReplicas) {
                violations.add(workload + ": " + partitions + " partitions for up to " + maxReplicas
                        + " instances; the instances beyond the partitions would consume nothing");
            } else if (partitions < maxReplicas * concurrency) {
                violations.add(workload + ": " + partitions + " partitions for up to " + maxReplicas + " x "
                        + concurrency + " consumer threads");
            }
        });
        if (partitionsByService.values().stream().distinct().count() > 1) {
            violations.add("the services declare the contract topics with different partition counts: "
                    + partitionsByService);
        }
        return violations;
    }

    /** The KRaft quorum is the StatefulSet's pods, and topics cannot be replicated more than there are brokers. */
    static List<String> kafkaReplicationFitsTheBrokers(ManifestSet set) {
        List<String> violations = new ArrayList<>();
        for (StatefulSet kafka : set.all(StatefulSet.class)) {
            Optional<Container> broker = kafka.getSpec().getTemplate().getSpec().getContainers().stream()
                    .filter(container -> container.getName().equals("kafka")).findFirst();
            if (broker.isEmpty()) {
                continue;
            }
            Map<String, String> config = environment(set, broker.get());
            int replicas = Optional.ofNullable(kafka.getSpec().getReplicas()).orElse(1);
            int brokers = Integer.parseInt(config.getOrDefault("BROKER_COUNT", "0"));
            int replication = Integer.parseInt(config.getOrDefault("KAFKA_DEFAULT_REPLICATION_FACTOR", "1"));
            int minInSync = Integer.parseInt(config.getOrDefault("KAFKA_MIN_INSYNC_REPLICAS", "1"));
            if (brokers != replicas) {
                violations.add("kafka: " + replicas + " pods but BROKER_COUNT=" + brokers
                        + " (the controller quorum is built from BROKER_COUNT)");
            }
            for (String factor : List.of("KAFKA_DEFAULT_REPLICATION_FACTOR", "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR",
                    "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR")) {
                if (Integer.parseInt(config.getOrDefault(factor, "1")) > replicas) {
                    violations.add("kafka: " + factor + " exceeds the " + replicas + " brokers");
                }
            }
            if (replication > 1 && minInSync >= replication) {
                violations.add("kafka: min.insync.replicas " + minInSync + " leaves no broker to lose at replication "
                        + replication);
            }
        }
        return violations;
    }

    /**
     * Autoscaled Deployments leave replicas to the HPA (an apply would reset them), and a disruption budget
     * never asks for as many pods as the HPA may scale down to (a drain would block).
     */
    static List<String> autoscalersOwnTheirReplicas(ManifestSet set) {
        List<String> violations = new ArrayList<>();
        for (HorizontalPodAutoscaler hpa : set.all(HorizontalPodAutoscaler.class)) {
            String target = hpa.getSpec().getScaleTargetRef().getName();
            Optional<Deployment> deployment = set.find(Deployment.class, target);
            if (deployment.isEmpty() || !"Deployment".equals(hpa.getSpec().getScaleTargetRef().getKind())) {
                violations.add("HPA " + hpa.getMetadata().getName() + " targets no Deployment " + target);
                continue;
            }
            if (deployment.get().getSpec().getReplicas() != null) {
                violations.add(target + ": sets spec.replicas although an HPA scales it");
            }
            int minReplicas = Optional.ofNullable(hpa.getSpec().getMinReplicas()).orElse(1);
            for (PodDisruptionBudget budget : set.all(PodDisruptionBudget.class)) {
                if (Labels.selects(budget.getSpec().getSelector(),
                        deployment.get().getSpec().getTemplate().getMetadata().getLabels())
                        && budget.getSpec().getMinAvailable() != null
                        && budget.getSpec().getMinAvailable().getIntVal() != null
                        && budget.getSpec().getMinAvailable().getIntVal() >= minReplicas) {
                    violations.add(budget.getMetadata().getName() + ": minAvailable "
                            + budget.getSpec().getMinAvailable().getIntVal() + " would block every drain at "
                            + minReplicas + " replicas");
                }
            }
        }
        for (PodDisruptionBudget budget : set.all(PodDisruptionBudget.class)) {
            boolean selectsPods = set.podTemplates().values().stream().anyMatch(template ->
                    Labels.selects(budget.getSpec().getSelector(), template.getMetadata().getLabels()));
            if (!selectsPods) {
                violations.add("PodDisruptionBudget " + budget.getMetadata().getName() + " selects no pod");
            }
        }
        return violations;
    }

    /** In staging and prod every service runs at least twice, autoscaled, behind a disruption budget. */
    static List<String> servicesAreHighlyAvailable(ManifestSet set) {
        List<String> violations = new ArrayList<>();
        for (String workload : WorkloadRules.springWorkloads(set).keySet()) {
            Optional<HorizontalPodAutoscaler> hpa = set.all(HorizontalPodAutoscaler.class).stream()
                    .filter(candidate -> candidate.getSpec().getScaleTargetRef().getName().equals(workload))
                    .findFirst();
            if (hpa.isEmpty() || Optional.ofNullable(hpa.get().getSpec().getMinReplicas()).orElse(1) < 2) {
                violations.add(workload + ": no HorizontalPodAutoscaler with minReplicas >= 2");
            }
            var labels = set.podTemplates().get(workload).getMetadata().getLabels();
            if (set.all(PodDisruptionBudget.class).stream()
                    .noneMatch(budget -> Labels.selects(budget.getSpec().getSelector(), labels))) {
                violations.add(workload + ": no PodDisruptionBudget");
            }
        }
        return violations;
    }

    private static int maxReplicas(ManifestSet set, String deployment) {
        return set.all(HorizontalPodAutoscaler.class).stream()
                .filter(hpa -> hpa.getSpec().getScaleTargetRef().getName().equals(deployment))
                .map(hpa -> hpa.getSpec().getMaxReplicas())
                .findFirst()
                .orElseGet(() -> set.find(Deployment.class, deployment)
                        .map(d -> Optional.ofNullable(d.getSpec().getReplicas()).orElse(1)).orElse(1));
    }

    /** The values a container's environment gets from its env entries and envFrom sources. */
    static Map<String, String> environment(ManifestSet set, Container container) {
        Map<String, String> environment = new HashMap<>();
        Optional.ofNullable(container.getEnvFrom()).orElse(List.of()).forEach(source -> {
            String name = source.getConfigMapRef() != null ? source.getConfigMapRef().getName()
                    : source.getSecretRef().getName();
            set.configData(name).ifPresent(environment::putAll);
        });
        Optional.ofNullable(container.getEnv()).orElse(List.of()).stream()
                .filter(variable -> variable.getValue() != null)
                .forEach(variable -> environment.put(variable.getName(), variable.getValue()));
        return environment;
    }
}
