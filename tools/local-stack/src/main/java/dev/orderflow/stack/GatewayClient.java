package dev.orderflow.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP calls through the gateway, as a client of the system makes them: each with a bearer token from the stack's
 * Keycloak, JSON answers read as trees.
 */
final class GatewayClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;
    private final Supplier<String> token;

    private GatewayClient(int port, Supplier<String> token) {
        this.baseUrl = "http://localhost:" + port;
        this.token = token;
    }

    /** As the automation client: a customer of its own that may also read everything (an operator). */
    static GatewayClient automation(Ports ports) {
        AccessTokens tokens = new AccessTokens(ports.issuer());
        return new GatewayClient(ports.gateway(), tokens::automation);
    }

    /** As a demo user (alice, bob, olivia). */
    static GatewayClient as(Ports ports, String user) {
        AccessTokens tokens = new AccessTokens(ports.issuer());
        tokens.demoUser(user); // logs in now: a wrong name fails here, not at the first call
        return new GatewayClient(ports.gateway(), () -> tokens.demoUser(user));
    }

    /** An answer; a connection failure is status 0 with the error as its text. */
    record Reply(int status, String text, Duration took) {

        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (RuntimeException e) {
                return JSON.missingNode();
            }
        }

        String field(String name) {
            return json().path(name).asString("");
        }
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    String url() {
        return baseUrl;
    }

    static String toJson(Object value) {
        return JSON.writeValueAsString(value);
    }

    private Reply send(HttpRequest.Builder request) {
        long start = System.nanoTime();
        try {
            request.header("Authorization", "Bearer " + token.get());
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), Durations.since(start));
        } catch (IOException e) {
            return new Reply(0, e.toString(), Durations.since(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }
}
