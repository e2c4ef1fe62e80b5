package dev.orderflow.gateway.routing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.orderflow.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A keep-alive client that sends its next request the moment it has read a response, as load generators and
 * connection-pooling clients do. With reactor-netty 1.3.6 such a connection could stop being read after a
 * response completed off the event loop (reactor/reactor-netty#4361): the next request hung until the client
 * gave up. Pinned to 1.3.8 in the pom; this test fails within a few hundred requests without it.
 */
class GatewayKeepAliveTest extends GatewayIntegrationTest {

    private static final int REQUESTS = 400;

    @ParameterizedTest
    @ValueSource(strings = {"/readyz", "/api/orders/1", "/no/such/path"})
    void answersEveryRequestOnOneKeepAliveConnection(String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(3000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + gateway.rawAuthorization() + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            for (int i = 1; i <= REQUESTS; i++) {
                out.write(request);
                out.flush();
                try {
                    assertThat(readResponseStatus(in)).as("response %d", i).isIn(200, 404);
                }
                catch (SocketTimeoutException hung) {
                    fail("Request " + i + " on the same connection got no answer within 3 s");
                }
            }
        }
    }

    /** Reads one response (status line, headers, Content-Length body) and returns its status. */
    private static int readResponseStatus(InputStream in) throws IOException {
        String head = readHead(in);
        int contentLength = 0;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                contentLength = Integer.parseInt(line.substring(15).trim());
            }
        }
        assertThat(in.readNBytes(contentLength)).hasSize(contentLength);
        return Integer.parseInt(head.substring(9, 12));
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed by the gateway");
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
