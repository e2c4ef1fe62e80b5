package dev.orderflow.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker (KRaft: broker and controller in one process) in its own JVM, run from the
 * launcher's executable jar with {@code kafka.Kafka} as its main class. The storage is formatted once; topics are
 * created by the services, never automatically.
 */
final class KafkaProcess {

    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private final Path home;
    private final Path log;

    KafkaProcess(Path dataDir, Path log) {
        this.home = dataDir.resolve("kafka");
        this.log = log;
    }

    Process start(Path java, Path launcherJar, Ports ports) {
        Processes.rotate(log);
        writeConfiguration(ports);
        if (!Files.exists(home.resolve("data").resolve("meta.properties"))) {
            format(java, launcherJar);
        }
        return Processes.startInBackground(command(java, launcherJar, "kafka.Kafka",
                List.of("-Xms128m", "-Xmx512m"), List.of(home.resolve("server.properties").toString())), Map.of(), log);
    }

    /** Gives the storage its cluster id once: {@code kafka-storage.sh format}. */
    private void format(Path java, Path launcherJar) {
        List<String> arguments = List.of("format", "-t", Uuid.randomUuid().toString(),
                "-c", home.resolve("server.properties").toString());
        int exit = Processes.run(command(java, launcherJar, "kafka.tools.StorageTool", List.of("-Xmx256m"), arguments),
                Map.of(), log, Duration.ofMinutes(2));
        if (exit != 0) {
            throw new StackException("formatting Kafka's storage failed (exit code " + exit + ")", LogTail.of(log, 20));
        }
    }

    private List<String> command(Path java, Path launcherJar, String mainClass, List<String> heap, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(heap);
        command.addAll(List.of("-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true",
                "-D" + ServiceProcess.COMPONENT_PROPERTY + "=kafka",
                "-Dlog4j2.configurationFile=" + home.resolve("log4j2.properties").toUri(),
                "-Dloader.main=" + mainClass,
                "-cp", launcherJar.toString(), BOOT_LAUNCHER));
        command.addAll(arguments);
        return command;
    }

    private void writeConfiguration(Ports ports) {
        String listeners = "PLAINTEXT://localhost:" + ports.kafka() + ",CONTROLLER://localhost:" + ports.kafkaController();
        List<String> server = List.of(
                "# Written by the orderflow local stack at every start (tools/local-stack, KafkaProcess).",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + ports.kafkaController(),
                "listeners=" + listeners,
                "advertised.listeners=PLAINTEXT://localhost:" + ports.kafka(),
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + home.resolve("data").toAbsolutePath().toString().replace('\\', '/'),
                "# The services create their topics; a typo in a topic name must fail, not create a topic.",
                "auto.create.topics.enable=false",
                "num.partitions=1",
                "# One broker: every internal topic has one replica.",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "# Consumers of a new group get their partitions at once instead of after 3 s.",
                "group.initial.rebalance.delay.ms=0",
                "");
        List<String> logging = List.of(
                "# Kafka's own logging, to standard output, which the stack appends to logs/kafka.log.",
                "status = warn",
                "appender.out.type = Console",
                "appender.out.name = out",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = info",
                "rootLogger.appenderRef.out.ref = out",
                "logger.state.name = state.change.logger",
                "logger.state.level = warn",
                "logger.request.name = kafka.request.logger",
                "logger.request.level = warn",
                "logger.authorizer.name = kafka.authorizer.logger",
                "logger.authorizer.level = warn",
                "");
        try {
            Files.createDirectories(home);
            Files.write(home.resolve("server.properties"), server);
            Files.write(home.resolve("log4j2.properties"), logging);
        } catch (IOException e) {
            throw new StackException("could not write Kafka's configuration into " + home + ": " + e.getMessage(), e);
        }
    }
}
