package dev.orderflow.audit;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens of a confidential client, by the client credentials grant at the issuer's token endpoint: how a
 * machine calls orderflow. {@link #get()} keeps one token and asks for the next shortly before it expires;
 * {@link #fetch()} always asks. The realm's machine client is {@value #AUTOMATION_CLIENT}, an operator (it may read
 * every order and delivery) and a customer of its own.
 */
public final class ClientCredentials implements Supplier<String> {

    public static final String AUTOMATION_CLIENT = "orderflow-automation";
    /** The automation client's secret in platform/identity/orderflow-realm.json: for development only. */
    public static final String DEVELOPMENT_SECRET = "automation-dev-only-secret";
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One access token: its text, when it expires, and its subject (the caller it names), when it says. */
    public record Token(String value, Instant expires, Optional<String> subject) {

        static Token of(JsonNode answer, Instant received) {
            String value = answer.path("access_token").asString();
            return new Token(value, received.plusSeconds(answer.path("expires_in").asLong(60)), subjectOf(value));
        }

        /** Still usable for at least this long. */
        public boolean validFor(Duration margin, Instant now) {
            return now.plus(margin).isBefore(expires);
        }

        /** The {@code sub} claim of a JWT's payload; read, not verified: the services verify it. */
        static Optional<String> subjectOf(String jwt) {
            String[] parts = jwt.split("\\.");
            if (parts.length < 2) {
                return Optional.empty();
            }
            try {
                JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), UTF_8));
                return Optional.of(claims.path("sub").asString("")).filter(subject -> !subject.isEmpty());
            } catch (RuntimeException notAJwt) {
                return Optional.empty();
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI tokenEndpoint;
    private final String clientId;
    private final String secret;
    private Token current;

    /** @param issuer the realm's URL, e.g. {@code http://localhost:8180/realms/orderflow} */
    public ClientCredentials(URI issuer, String clientId, String secret) {
        this.tokenEndpoint = URI.create(issuer.toString().replaceAll("/+$", "") + "/protocol/openid-connect/token");
        this.clientId = clientId;
        this.secret = secret;
    }

    /** The realm's automation client with its development secret, as the local stack and docker compose run it. */
    public static ClientCredentials automation(URI issuer) {
        return new ClientCredentials(issuer, AUTOMATION_CLIENT, DEVELOPMENT_SECRET);
    }

    /** The current token, a new one when it has less than 30 s left. */
    @Override
    public synchronized String get() {
        if (current == null || !current.validFor(RENEW_BEFORE_EXPIRY, Instant.now())) {
            current = fetch();
        }
        return current.value();
    }

    /** A new token, whatever was fetched before. */
    public Token fetch() {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, UTF_8);
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        Instant asked = Instant.now();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("no token from " + tokenEndpoint + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + tokenEndpoint + " for a token", e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(tokenEndpoint + " refused a token to " + clientId + " (HTTP "
                    + response.statusCode() + "): " + response.body());
        }
        return Token.of(JSON.readTree(response.body()), asked);
    }
}
