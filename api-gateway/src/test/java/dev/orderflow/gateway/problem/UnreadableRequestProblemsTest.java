package dev.orderflow.gateway.problem;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import dev.orderflow.gateway.support.GatewayIntegrationTest;
import dev.orderflow.testinfra.HttpTestClient;
import dev.orderflow.testinfra.RawHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.orderflow.gateway.support.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the gateway cannot read are answered with problems too, although Netty or Spring's HTTP adapter rejects
 * them before any route, filter or error handler runs. Sent over a plain socket: java.net.http refuses to.
 */
class UnreadableRequestProblemsTest extends GatewayIntegrationTest {

    static Stream<Arguments> unreadableRequests() {
        return Stream.of(
                Arguments.of("a raw control character", "GET /api/orders?x=\u0001 HTTP/1.1\r\n", 400),
                Arguments.of("a malformed %-encoding", "GET /api/orders?x=%zz HTTP/1.1\r\n", 400),
                Arguments.of("a request line too long", "GET /api/orders/" + "x".repeat(10_000) + " HTTP/1.1\r\n", 414),
                Arguments.of("a header too large", "GET /api/orders HTTP/1.1\r\nX-Big: " + "a".repeat(20_000) + "\r\n", 431));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableRequests")
    void unreadableRequestsGetAProblemWithARequestId(String what, String requestStart, int status) throws IOException {
        RawResponse response = send(requestStart);

        assertThat(response.status()).as(response.head()).isEqualTo(status);
        assertThat(response.header("content-type")).isEqualTo("application/problem+json");
        assertThat(JsonPath.<Integer>read(response.body(), "$.status")).isEqualTo(status);
        assertThat(JsonPath.<String>read(response.body(), "$.title")).isNotBlank();
        assertThat(JsonPath.<String>read(response.body(), "$.requestId")).isEqualTo(response.header("x-request-id"));
        assertThat(orderService.receivedCount()).isZero();
    }

    @Test
    void unreadableAcceptHeadersGetProblemsWhereTheGatewayAnswersItself() {
        HttpResponse<String> response = gateway.get("/nowhere", "Accept", "gzip;q=2");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response, "$.status").toString()).isEqualTo("404");
    }

    @Test
    void traceIsRefusedWithAProblemBeforeAnyRoute() {
        // Spring Security's firewall refuses TRACE (and other unusual methods), with or without a token.
        for (HttpResponse<String> response : List.of(gateway.send("TRACE", "/api/deliveries/7", null),
                anonymous().send("TRACE", "/nowhere", null))) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(response, "$.status").toString()).isEqualTo("400");
            assertThat(json(response, "$.requestId").toString())
                    .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        }
        assertThat(deliveryService.receivedCount()).isZero();
    }

    @Test
    void anAuthorizationHeaderWithAControlCharacterIsRefusedWithAProblem() {
        // Netty lets the byte 0x85 through; Spring Security's firewall, reading the header, takes it for the control
        // character NEL and answers a bare 400, which RejectedRequestProblems turns into a problem.
        HttpTestClient.Response response = new RawHttpClient(port).send("GET /api/orders/1 HTTP/1.1",
                gateway.rawAuthorization().strip() + "\u0085");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("content-type")).hasValue("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(400);
        assertThat(orderService.receivedCount()).isZero();
    }

    @Test
    void anAcceptHeaderSpringsParserFailsOnIsA400ProblemNotAServerError() {
        // spring-core 7.0.8 throws StringIndexOutOfBoundsException for a media type that opens with a quote
        HttpResponse<String> response = gateway.get("/api/orders?size=1", "Accept", "\"a/b");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response, "$.detail").toString()).isEqualTo("The Accept header is not a list of media types");
        assertThat(orderService.receivedCount()).isZero();
    }

    private RawResponse send(String requestStart) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write((requestStart + "Host: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headEnd = response.indexOf("\r\n\r\n");
            return new RawResponse(response.substring(0, headEnd), response.substring(headEnd + 4));
        }
    }

    /** A response read to the end of its connection (the gateway closes it after rejecting a request). */
    private record RawResponse(String head, String body) {

        int status() {
            return Integer.parseInt(head.substring(9, 12));
        }

        String header(String name) {
            return head.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name + ":"))
                    .map(line -> line.substring(name.length() + 1).strip()).findFirst().orElse(null);
        }
    }
}
