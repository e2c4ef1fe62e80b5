package dev.orderflow.delivery;

import static dev.orderflow.testinfra.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.orderflow.events.OrderPlaced;
import dev.orderflow.testinfra.HttpTestClient;
import dev.orderflow.testinfra.TestTokenIssuer;

/**
 * Only a token of the realm, meant for delivery-service and valid now, opens the API: every other one is a 401
 * problem with a Bearer challenge.
 */
class BearerTokenIT extends DeliveryServiceIntegrationTest {

    static Stream<Arguments> refusedTokens() {
        return Stream.of(
                refused("for another audience", token -> token.audience("api-gateway", "order-service").sign()),
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
    void aTokenThatIsNotValidForThisServiceIsA401Problem(String why, Function<TestTokenIssuer.Token, String> shape) {
        OrderPlaced order = orderTo("KR");
        kafka().publish(order);
        String delivery = awaitDelivery(order.orderId(), "SCHEDULED").get("id").asString();
        HttpTestClient forger = withToken(shape.apply(tokens().token(CUSTOMER, "customer", "operator")));

        assertRefused(forger.get("/deliveries/" + delivery));
        assertRefused(forger.get("/deliveries?orderId=" + order.orderId()));
        assertRefused(forger.get("/deliveries"));
    }

    @Test
    void aRequestWithoutATokenIsA401ProblemWithABearerChallenge() {
        HttpTestClient.Response response = http().get("/deliveries");

        assertProblem(response, 401);
        assertThat(response.header("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
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
