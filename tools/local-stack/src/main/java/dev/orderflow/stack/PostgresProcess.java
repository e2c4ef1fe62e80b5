package dev.orderflow.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * A real PostgreSQL server on a persistent data directory ({@code <data dir>/postgres/data}), run with PostgreSQL's
 * own {@code initdb} and {@code pg_ctl}. The superuser {@code postgres} needs no password from this machine; every
 * other role (the services') logs in with its password, as in production.
 */
final class PostgresProcess {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path home;
    private final Path data;
    private final Path log;

    PostgresProcess(Path dataDir, Path log) {
        this.home = dataDir.resolve("postgres");
        this.data = home.resolve("data");
        this.log = log;
    }

    /** Initializes the data directory on first use, starts the server and returns the postmaster. */
    ProcessHandle start(int port) {
        Path binaries = PostgresBinaries.unpackInto(home.resolve("binaries"));
        Processes.rotate(log);
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            initdb(binaries);
        }
        writeAccessRules();
        int exit = pgCtl(binaries, List.of("start", "-w", "-t", Long.toString(START_TIMEOUT.getSeconds()), "-D", data.toString(),
                "-l", log.toString(), "-o", String.join(" ", serverOptions(port))), START_TIMEOUT.plusSeconds(10));
        if (exit != 0) {
            throw new StackException("PostgreSQL did not start (pg_ctl exit code " + exit + ")", LogTail.of(log, 20));
        }
        return running().orElseThrow(() -> new StackException("PostgreSQL started but its postmaster.pid is missing",
                LogTail.of(log, 20)));
    }

    /** The postmaster, found through the pid file PostgreSQL keeps in its data directory. */
    Optional<ProcessHandle> running() {
        try {
            List<String> lines = Files.readAllLines(data.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** "fast" shutdown (open sessions are ended, everything is written); "immediate" with {@code kill}. */
    Processes.Stopped stop(boolean kill) {
        Optional<ProcessHandle> postmaster = running();
        if (postmaster.isEmpty()) {
            return new Processes.Stopped("was not running", Duration.ZERO);
        }
        long start = System.nanoTime();
        Path binaries = PostgresBinaries.unpackInto(home.resolve("binaries"));
        int exit = pgCtl(binaries, List.of("stop", "-w", "-t", "30", "-D", data.toString(), "-m", kill ? "immediate" : "fast"),
                Duration.ofSeconds(40));
        if (exit != 0 && postmaster.get().isAlive()) {
            return Processes.stop(postmaster.get(), true, Duration.ZERO);
        }
        Processes.awaitExit(postmaster.get(), Duration.ofSeconds(10));
        return new Processes.Stopped(kill ? "stopped at once (pg_ctl stop -m immediate)"
                : "stopped (pg_ctl stop -m fast)", Durations.since(start));
    }

    Path dataDirectory() {
        return data;
    }

    private void initdb(Path binaries) {
        List<String> command = new ArrayList<>(asServerUser());
        command.addAll(List.of(PostgresBinaries.executable(binaries, "initdb").toString(), "-D", data.toString(),
                "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"));
        int exit = Processes.run(command, Map.of(), log, Duration.ofMinutes(2));
        if (exit != 0) {
            throw new StackException("initdb failed (exit code " + exit + ")", LogTail.of(log, 20));
        }
    }

    private int pgCtl(Path binaries, List<String> arguments, Duration timeout) {
        List<String> command = new ArrayList<>(asServerUser());
        command.add(PostgresBinaries.executable(binaries, "pg_ctl").toString());
        command.addAll(arguments);
        return Processes.run(command, Map.of(), log, timeout);
    }

    /**
     * PostgreSQL refuses to run as root. As zonky does for the tests, a root user runs it in a new user namespace
     * ({@code unshare -U}), where it is an unprivileged user.
     */
    private static List<String> asServerUser() {
        return LinuxUtils.isUnshareAvailable() ? List.of("unshare", "-U") : List.of();
    }

    private static List<String> serverOptions(int port) {
        return List.of("-p", Integer.toString(port),
                "-c", "listen_addresses=localhost",
                "-c", "max_connections=100",
                // A commit returns before its WAL reaches the disk: much faster on a laptop; a crash of the
                // machine may lose the last few hundred milliseconds, a clean ./stack down loses nothing.
                "-c", "synchronous_commit=off");
    }

    /** Rewritten at every start so that an old data directory gets today's rules. */
    private void writeAccessRules() {
        String rules = String.join(System.lineSeparator(),
                "# Written by the orderflow local stack at every start (tools/local-stack, PostgresProcess).",
                "# The superuser needs no password from this machine; the services' roles log in with theirs.",
                "# TYPE  DATABASE  USER      ADDRESS        METHOD",
                "host    all       postgres  127.0.0.1/32   trust",
                "host    all       postgres  ::1/128        trust",
                "host    all       all       127.0.0.1/32   scram-sha-256",
                "host    all       all       ::1/128        scram-sha-256",
                "");
        try {
            Files.writeString(data.resolve("pg_hba.conf"), rules);
        } catch (IOException e) {
            throw new StackException("could not write " + data.resolve("pg_hba.conf") + ": " + e.getMessage(), e);
        }
    }
}
