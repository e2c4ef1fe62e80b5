package dev.orderflow.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.jayway.jsonpath.JsonPath;

/** Talks HTTP to the running gateway, as one client identified by its access token (or none). */
public final class GatewayClient {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final String baseUrl;
    private final String accessToken;

    /** Sends {@code Authorization: Bearer <accessToken>} with every request. */
    public GatewayClient(int port, String accessToken) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.accessToken = accessToken;
    }

    /** Sends no {@code Authorization} header. */
    public static GatewayClient anonymous(int port) {
        return new GatewayClient(port, null);
    }

    public String accessToken() {
        return accessToken;
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public HttpResponse<String> send(String method, String path, String jsonBody, String... headers) {
        return sendBody(method, path,
                jsonBody == null ? BodyPublishers.noBody() : BodyPublishers.ofString(jsonBody), headers);
    }

    public HttpResponse<String> sendBody(String method, String path, HttpRequest.BodyPublisher body,
            String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body);
        if (body.contentLength() != 0) {
            request.header("Content-Type", "application/json");
        }
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return HTTP.send(request.build(), BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The head of a {@code POST /api/orders} with a JSON body of {@code contentLength} bytes, for tests that write
     * to a raw socket what no HTTP client would send (a body cut off, stalled, or sent in parts).
     */
    public byte[] rawOrderPostHead(int contentLength) {
        return rawOrderPostHead(contentLength, "");
    }

    /** {@code extraHeaders}: more header lines, each ending in CRLF. */
    public byte[] rawOrderPostHead(int contentLength, String extraHeaders) {
        return ("POST /api/orders HTTP/1.1\r\nHost: localhost\r\n" + rawAuthorization()
                + "Content-Type: application/json\r\nContent-Length: " + contentLength + "\r\n" + extraHeaders
                + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The {@code Authorization} header line (with its CRLF) for a raw request, or nothing without a token. */
    public String rawAuthorization() {
        return accessToken == null ? "" : "Authorization: Bearer " + accessToken + "\r\n";
    }

    public static <T> T json(HttpResponse<String> response, String path) {
        return JsonPath.read(response.body(), path);
    }
}
