package dev.orderflow.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * What the stack runs, shared by every {@code ./stack} command through {@code <data dir>/stack.properties}: the
 * ports it was started with and the pid of each process (and of the launcher in charge). Changes are made under
 * a file lock and written atomically, so two terminals can act on one stack.
 */
final class StackState {

    static final String FILE_NAME = "stack.properties";
    private static final String LOCK_NAME = "stack.lock";
    /** File locks exclude other processes only; threads of this JVM (parallel stops) queue here first. */
    private static final Object JVM_LOCK = new Object();

    private final Properties properties;

    private StackState(Properties properties) {
        this.properties = properties;
    }

    static StackState read(Path dataDir) {
        Properties properties = new Properties();
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new StackState(properties);
    }

    /** Reads, changes and writes the state while holding the stack's lock. */
    static void update(Path dataDir, Consumer<StackState> change) {
        try {
            Files.createDirectories(dataDir);
            synchronized (JVM_LOCK) {
                try (FileChannel channel = FileChannel.open(dataDir.resolve(LOCK_NAME), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                    StackState state = read(dataDir);
                    change.accept(state);
                    state.write(dataDir);
                }
            }
        } catch (IOException e) {
            throw new StackException("could not update " + dataDir.resolve(FILE_NAME) + ": " + e.getMessage(), e);
        }
    }

    /** The ports the stack was started with; empty when none were recorded (or by a launcher that knew fewer). */
    Optional<Ports> ports() {
        Map<PortSetting, Integer> ports = new EnumMap<>(PortSetting.class);
        for (PortSetting setting : PortSetting.values()) {
            String port = properties.getProperty("ports." + setting.stateName());
            if (port == null) {
                return Optional.empty();
            }
            ports.put(setting, Integer.parseInt(port));
        }
        return Optional.of(PortSetting.ports(ports));
    }

    void ports(Ports ports) {
        for (PortSetting setting : PortSetting.values()) {
            properties.setProperty("ports." + setting.stateName(), Integer.toString(setting.portIn(ports)));
        }
    }

    Optional<RunningProcess> process(Component component) {
        return process(component.id());
    }

    void started(Component component, ProcessHandle process) {
        started(component.id(), process);
    }

    void stopped(Component component) {
        stopped(component.id());
    }

    /**
     * The {@code ./stack up} that stops everything when it is stopped (Ctrl-C, or {@code ./stack down} elsewhere), if
     * there is one: a foreground one as long as it runs, a detached one until the stack is up.
     */
    Optional<RunningProcess> launcherInCharge() {
        return process("launcher");
    }

    /** The launcher in charge, if it runs and is not {@code self}. */
    Optional<ProcessHandle> otherLauncherInCharge(ProcessHandle self) {
        return launcherInCharge().flatMap(RunningProcess::handle).filter(launcher -> launcher.pid() != self.pid());
    }

    void launcherInCharge(ProcessHandle launcher) {
        started("launcher", launcher);
    }

    /** Clears the launcher in charge if it is {@code launcher}, not one that has taken charge since. */
    void noLauncherInCharge(ProcessHandle launcher) {
        if (launcherInCharge().filter(recorded -> recorded.pid() == launcher.pid()).isPresent()) {
            stopped("launcher");
        }
    }

    Optional<String> java() {
        return Optional.ofNullable(properties.getProperty("java"));
    }

    void java(Path java) {
        properties.setProperty("java", java.toString());
    }

    private Optional<RunningProcess> process(String name) {
        String pid = properties.getProperty(name + ".pid");
        if (pid == null) {
            return Optional.empty();
        }
        Optional<Instant> started = Optional.ofNullable(properties.getProperty(name + ".started")).map(Instant::parse);
        return Optional.of(new RunningProcess(Long.parseLong(pid), started));
    }

    private void started(String name, ProcessHandle process) {
        RunningProcess running = RunningProcess.of(process);
        properties.setProperty(name + ".pid", Long.toString(running.pid()));
        running.startedAt().ifPresentOrElse(at -> properties.setProperty(name + ".started", at.toString()),
                () -> properties.remove(name + ".started"));
    }

    private void stopped(String name) {
        properties.remove(name + ".pid");
        properties.remove(name + ".started");
    }

    private void write(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        Path temporary = dataDir.resolve(FILE_NAME + ".tmp");
        try (Writer out = Files.newBufferedWriter(temporary)) {
            properties.store(out, "orderflow local stack: written by ./stack, read by every ./stack command");
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
