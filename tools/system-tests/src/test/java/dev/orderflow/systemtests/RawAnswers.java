package dev.orderflow.systemtests;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the hostile-input tests share: sending a request exactly as built (no answer is an outcome, not an error),
 * and the check that a refusal is RFC 9457 problem details whose status is the answer's.
 */
final class RawAnswers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RawAnswers() {
    }

    /** The answer, or none when the connection failed (reset, closed) before one came. */
    static Optional<HttpResponse<String>> send(HttpClient http, HttpRequest request) {
        try {
            return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** What is wrong with a refusal that should be problem details ("without problem details (text/html)"), if any. */
    static Optional<String> problemFault(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/problem+json")) {
            return Optional.of("without problem details (" + type + ")");
        }
        try {
            JsonNode problem = JSON.readTree(body(response));
            if (problem.path("status").asInt() != response.statusCode() || problem.path("title").asString().isEmpty()) {
                return Optional.of("with a problem lacking status/title");
            }
        } catch (RuntimeException notJson) {
            return Optional.of("with a problem body that is not JSON");
        }
        return Optional.empty();
    }

    static String body(HttpResponse<String> response) {
        return response.body() == null ? "" : response.body();
    }

    static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
