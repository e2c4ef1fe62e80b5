package dev.orderflow.gateway.security;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import dev.orderflow.gateway.support.GatewayClient;
import dev.orderflow.gateway.support.GatewayIntegrationTest;
import dev.orderflow.testinfra.HttpTestClient;
import dev.orderflow.testinfra.RawHttpClient;
import dev.orderflow.testinfra.TestTokenIssuer;
import dev.orderflow.testinfra.TestTokenIssuer.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.orderflow.gateway.support.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request to the API needs a valid bearer token of the realm: signed with its key, its issuer, meant for the
 * gateway, within its lifetime, naming its caller. Refused requests get a 401 problem with Spring Security's
 * {@code WWW-Authenticate} and never reach a service; accepted ones reach it with their token unchanged.
 */
class AuthenticationTest extends GatewayIntegrationTest {

    @ParameterizedTest
    @CsvSource({"GET, /api/orders", "GET, /api/orders/42", "POST, /api/orders", "POST, /api/orders/42/cancel",
            "GET, /api/deliveries?orderId=42", "DELETE, /api/deliveries/7"})
    void refusesARequestWithoutATokenWithA401Problem(String method, String path) {
        HttpResponse<String> response = anonymous().send(method, path, method.equals("POST") ? "{}" : null);

        assertUnauthorized(response);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(json(response, "$.detail").toString()).contains("bearer token is required");
        assertThat(json(response, "$.instance").toString()).isEqualTo(path.replaceFirst("\\?.*", ""));
        assertNoServiceCalled();
    }

    @Test
    void passesAValidTokenOnToTheServiceUnchanged() {
        HttpResponse<String> response = gateway.get("/api/orders/42");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(orderService.received().getFirst().header("Authorization"))
                .isEqualTo("Bearer " + gateway.accessToken());
    }

    static Stream<Arguments> refusedTokens() {
        Instant now = Instant.now();
        return Stream.of(
                refused("expired beyond the clock skew", token -> expired(token, now)),
                refused("not valid before a time to come", token -> token.notBefore(now.plus(Duration.ofMinutes(2)))),
                refused("meant for another audience", token -> token.audience("order-service", "delivery-service")),
                refused("from a foreign issuer", token -> token.issuer("http://localhost:1/realms/orderflow")),
                refused("from another realm of the same server",
                        token -> token.issuer(identityProvider.issuerUri().replace("orderflow", "master"))),
                refused("signed with another key", token -> token.signedWith(TestTokenIssuer.newKey())),
                refused("without a subject", token -> token.claim("sub", null)),
                refused("with an empty subject", token -> token.claim("sub", "")));
    }

    /** Issued ten minutes ago for eight minutes: past the 60 s of clock skew allowed. */
    private static Token expired(Token token, Instant now) {
        return token.claim("iat", Date.from(now.minus(Duration.ofMinutes(10))))
                .notBefore(now.minus(Duration.ofMinutes(10)))
                .expiresAt(now.minus(Duration.ofMinutes(2)));
    }

    private static Arguments refused(String what, UnaryOperator<Token> shaping) {
        return Arguments.of(what, shaping.apply(identityProvider.token("mallory", "customer")).sign());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void refusesAnInvalidTokenWithA401Problem(String what, String token) {
        HttpResponse<String> response = new GatewayClient(port, token).get("/api/orders/42");

        assertUnauthorized(response);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer error=\"invalid_token\", error_description=\"");
        assertNoServiceCalled();
    }

    @Test
    void saysWhyATokenWasRefused() {
        String expired = expired(identityProvider.token("mallory", "customer"), Instant.now()).sign();

        HttpResponse<String> response = new GatewayClient(port, expired).get("/api/orders/42");

        assertThat(json(response, "$.detail").toString()).startsWith("Jwt expired at");
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("Jwt expired at");
    }

    @Test
    void acceptsTheAuthenticationSchemeInAnyCase() {
        // RFC 9110 section 11.1: the scheme is case-insensitive; the services accept "bearer" as well.
        HttpResponse<String> response = anonymous().get("/api/orders/42",
                "Authorization", "bearer " + identityProvider.tokenFor("dave", "customer"));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesARequestWithTwoAuthorizationHeaders() {
        String token = gateway.accessToken();

        HttpTestClient.Response response = new RawHttpClient(port).send("GET /api/orders/42 HTTP/1.1",
                "Authorization: Bearer " + token, "Authorization: Bearer " + token);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("content-type")).hasValue("application/problem+json");
        assertThat(response.header("www-authenticate").orElseThrow()).startsWith("Bearer error=\"invalid_request\"");
        assertThat(response.json().get("detail").asString()).contains("more than one Authorization header");
        assertNoServiceCalled();
    }

    @Test
    void takesNoTokenFromTheQueryString() {
        HttpResponse<String> response = anonymous().get("/api/orders/42?access_token=" + gateway.accessToken());

        assertUnauthorized(response);
        assertNoServiceCalled();
    }

    @Test
    void refusesACallerWithoutATokenBeforeReadingItsBody() {
        // 10 MB declared: the body limit would answer 413 at once, authentication answers first.
        HttpTestClient.Response response = new RawHttpClient(port).send("POST /api/orders HTTP/1.1",
                "Content-Type: application/json", "Content-Length: 10485760");

        assertThat(response.status()).isEqualTo(401);
        assertNoServiceCalled();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/swagger-ui.html", "/swagger-ui/index.html", "/swagger-ui/oauth2-redirect.html",
            "/v3/api-docs/swagger-config", "/openapi/orders", "/openapi/deliveries"})
    void keepsTheApiDescriptionsPublic(String path) {
        HttpResponse<String> response = anonymous().get(path);

        assertThat(response.statusCode()).isIn(200, 302);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/orders/1", "/nothing/here", "/actuator/health", "/v3/api-docs.yaml/../x",
            "/api", "/apiorders"})
    void refusesEverythingElseWithoutAToken(String path) {
        HttpResponse<String> response = anonymous().get(path);

        assertThat(response.statusCode()).isIn(400, 401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void refusesToChangeTheApiDescriptionsWithoutAToken() {
        HttpResponse<String> response = anonymous().send("POST", "/openapi/orders", "{}");

        assertUnauthorized(response);
        assertNoServiceCalled();
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response, "$.status").toString()).isEqualTo("401");
        assertThat(json(response, "$.title").toString()).isEqualTo("Unauthorized");
        assertThat(json(response, "$.requestId").toString())
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
    }

    private static void assertNoServiceCalled() {
        assertThat(orderService.receivedCount() + deliveryService.receivedCount()).isZero();
    }
}
