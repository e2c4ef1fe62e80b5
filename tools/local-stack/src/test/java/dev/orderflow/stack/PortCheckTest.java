package dev.orderflow.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

class PortCheckTest {

    @Test
    void aPortWithAListenerIsRefusedWithWhatHoldsItAndHowToChooseAnother() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = listener.getLocalPort();
            Ports ports = new Ports(8080, 8081, 8082, port, 19092, 19093, 8180, 9080, 9081, 9082, 9180);

            assertThatThrownBy(() -> PortCheck.requireFree(PortSetting.POSTGRES, ports))
                    .hasMessageStartingWith("port " + port + " (postgres) is already in use")
                    .hasMessageContaining("--postgres-port <port> or ORDERFLOW_STACK_POSTGRES_PORT=<port>");
        }
    }

    @Test
    void namesTheProcessListeningOnLinux() throws IOException {
        assumeThat(System.getProperty("os.name")).isEqualTo("Linux");
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

            assertThat(PortCheck.listenerOf(listener.getLocalPort()))
                    .hasValueSatisfying(holder -> assertThat(holder).startsWith("pid " + ProcessHandle.current().pid()));
        }
    }

    @Test
    void aPortNobodyListensOnIsFree() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }

        assertThat(PortCheck.isFree(port)).isTrue();
    }
}
