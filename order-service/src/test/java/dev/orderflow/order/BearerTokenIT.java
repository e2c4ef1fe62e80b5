package dev.orderflow.order;

import static dev.orderflow.testinfra.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.orderflow.testinfra.HttpTestClient;
import dev.orderflow.testinfra.TestTokenIssuer;

/**
 * Only a token of the realm, meant for order-service and valid now, opens the API: every other one is a 401
 * problem with a Bearer challenge, and the request it came with changes nothing.
 */
class BearerTokenIT extends OrderServiceIntegrationTest {

    static Stream<Arguments> refusedTokens() {
        return Stream.of(
                refused("for another audience", token -> token.audience("api-gateway", "delivery-service").sign()),
                refused("expired", token -> token.expiresAt(Instant.now().minusSeconds(300)).sign()),
                refused("not yet valid", token -> token.notBefore(Instant.now().plusSeconds(300)).sign()),
                refused("without an expiry", token -> token.withoutExpiry().sign()),
                refused("without a subject", token -> token.claim("sub", null).sign()),
                refused("of another issuer", token -> token.issuer("http://localhost:1/realms/orderflow").sign()),
                refused("signed by another key", token -> token.signedWith(TestTokenIssuer.newKey()).sign()),
                refused("not signed at all (alg none)", TestTokenIssuer.Token::unsigned),
                refused("with claims changed after signing", token -> withSubject(token.sign(), "someone-else")),
                refused("not a JWT", token -> "not-a-jwt"));
    }

    @ParameterizedTest(name = "a token {0} is refused")
    @MethodSource("refusedTokens")
    void aTokenThatIsNotValidForThisServiceIsA401ProblemAndChangesNothing(String why,
                                                                           Function<TestTokenIssuer.Token, String> shape) {
        String customer = uniqueCustomer();
        UUID existing = placeOrder(customer);
        HttpTestClient forger = withToken(shape.apply(tokens().token(customer, "customer", "operator")));

        assertRefused(forger.post("/orders", orderJson(customer, "KR")));
        assertRefused(forger.get("/orders/" + existing));
        assertRefused(forger.get("/orders"));
        assertRefused(forger.post("/orders/" + existing + "/cancel", ""));

        assertThat(order(existing).get("status").asString()).isEqualTo("PENDING");
        assertThat(operator().get("/orders?customerId=" + customer).json().get("totalItems").asLong()).isEqualTo(1);
    }

    @ParameterizedTest(name = "Authorization: {0}")
    @MethodSource("notBearerTokens")
    void aRequestWithoutABearerTokenIsA401ProblemWithABearerChallenge(String authorization) {
        HttpTestClient.Response response = authorization.isEmpty() ? http().get("/orders")
                : http().get("/orders", "Authorization", authorization);

        assertProblem(response, 401);
        assertThat(response.header("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
    }

    static Stream<String> notBearerTokens() {
        return Stream.of("", "Basic b3BlcmF0b3I6b3BlcmF0b3I=", "Bearer", "Bearer !!!");
    }

    private static void assertRefused(HttpTestClient.Response response) {
        assertProblem(response, 401);
        assertThat(response.header("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer").contains("error=\"invalid_token\""));
    }

    private static Arguments refused(String why, Function<TestTokenIssuer.Token, String> shape) {
        return Arguments.of(why, shape);
    }

    /** The token with its payload's subject replaced and the original signature kept. */
    private static String withSubject(String token, String subject) {
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replaceFirst("\"sub\":\"[^\"]*\"", "\"sub\":\"" + subject + "\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }
}
