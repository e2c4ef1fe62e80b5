package dev.orderflow.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Refuses to start a component on a port something else already listens on, and names that something. */
final class PortCheck {

    private PortCheck() {
    }

    static void requireFree(PortSetting setting, Ports ports) {
        int port = setting.portIn(ports);
        if (!isFree(port)) {
            String holder = listenerOf(port).map(process -> " by " + process).orElse("");
            throw new StackException("port " + port + " (" + setting.description() + ") is already in use" + holder
                    + ".\n  Stop what uses it, or choose another port: " + setting.flag() + " <port> or "
                    + setting.environmentVariable() + "=<port>.");
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Ignores our own sockets left in TIME_WAIT by a stack that just stopped; a listener still conflicts.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            return false;
        }
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** On Linux, the process listening on the port ("pid 4242: postgres -D /var/lib/..."), if we may see it. */
    static Optional<String> listenerOf(int port) {
        Optional<String> inode = Stream.of("/proc/net/tcp", "/proc/net/tcp6")
                .flatMap(table -> lines(Path.of(table)))
                .map(line -> line.trim().split("\\s+"))
                .filter(fields -> fields.length > 9 && "0A".equals(fields[3])) // 0A: LISTEN
                .filter(fields -> fields[1].toUpperCase(Locale.ROOT).endsWith(String.format(":%04X", port)))
                .map(fields -> fields[9])
                .findFirst();
        return inode.flatMap(PortCheck::processWithSocket);
    }

    private static Optional<String> processWithSocket(String inode) {
        String link = "socket:[" + inode + "]";
        return ProcessHandle.allProcesses()
                .filter(process -> ownsSocket(process.pid(), link))
                .findFirst()
                .map(process -> "pid " + process.pid() + process.info().commandLine()
                        .map(command -> ": " + abbreviate(command)).orElse(""));
    }

    private static boolean ownsSocket(long pid, String link) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().equals(link);
                } catch (IOException | UnsupportedOperationException e) {
                    return false;
                }
            });
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static Stream<String> lines(Path table) {
        try {
            List<String> lines = Files.readAllLines(table);
            return lines.stream().skip(1);
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static String abbreviate(String command) {
        return command.length() <= 100 ? command : command.substring(0, 97) + "...";
    }
}
