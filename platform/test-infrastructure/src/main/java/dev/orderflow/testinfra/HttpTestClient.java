package dev.orderflow.testinfra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP calls for tests, with JSON bodies read as trees. */
public final class HttpTestClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final String baseUrl;
    private final Optional<Supplier<String>> bearerToken;

    public HttpTestClient(String baseUrl) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), baseUrl, Optional.empty());
    }

    private HttpTestClient(HttpClient http, String baseUrl, Optional<Supplier<String>> bearerToken) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.bearerToken = bearerToken;
    }

    /**
     * The same server, called with {@code Authorization: Bearer <token>} unless a request names its own; the token
     * is asked for at every call, so that a supplier can renew it.
     */
    public HttpTestClient withBearerToken(Supplier<String> token) {
        return new HttpTestClient(http, baseUrl, Optional.of(token));
    }

    public record Response(int status, Map<String, List<String>> headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream())
                    .findFirst();
        }
    }

    public Response get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public Response post(String path, String jsonBody, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    /** A request built by the test: other methods, content types, raw bodies. */
    public Response send(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        return send(request(path, headers).method(method, body));
    }

    public static String toJson(Object value) {
        return JSON.writeValueAsString(value);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        boolean namesItsOwn = java.util.stream.IntStream.iterate(0, i -> i < headers.length, i -> i + 2)
                .anyMatch(i -> headers[i].equalsIgnoreCase("Authorization"));
        if (!namesItsOwn) {
            bearerToken.ifPresent(token -> builder.header("Authorization", "Bearer " + token.get()));
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
