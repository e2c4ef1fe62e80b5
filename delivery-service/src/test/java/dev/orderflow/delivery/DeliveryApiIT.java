package dev.orderflow.delivery;

import static dev.orderflow.testinfra.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.orderflow.testinfra.RawHttpClient;

/**
 * Problem details for what never reaches the controllers: unreadable request lines, TRACE, Accept and queries;
 * the actuator on its own port.
 */
class DeliveryApiIT extends DeliveryServiceIntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "GET /deliveries/%c0%ae HTTP/1.1",         // a %-encoding that is not UTF-8
            "GET /deliveries?orderId=\u0001 HTTP/1.1", // a raw control character
            "GET /deliveries?orderId=%zz HTTP/1.1"})   // no %-encoding at all
    void requestLinesThatCannotBeReadGetProblemsNotTomcatPages(String requestLine) {
        assertProblem(new RawHttpClient(port).send(requestLine, operatorAuthorizationLine()), 400);
    }

    @Test
    void anIdWithRelaxedCharactersGetsAProblemThatSaysWhyAndNamesThePathAsAUri() {
        var response = new RawHttpClient(port).send("GET /deliveries/[x] HTTP/1.1", operatorAuthorizationLine());

        assertProblem(response, 400);
        assertThat(response.json().get("detail").asString()).contains("'id'", "[x]");
        assertThat(response.json().get("instance").asString()).isEqualTo("/deliveries/%5Bx%5D");
    }

    @Test
    void traceIsRefusedWithAProblem() {
        assertProblem(operator().send("TRACE", "/deliveries", HttpRequest.BodyPublishers.noBody()), 405);
    }

    @Test
    void anUnreadableAcceptHeaderIsRefusedWithAProblem() {
        assertProblem(operator().get("/deliveries?size=1", "Accept", "gzip;q=2"), 400);
        assertProblem(customer(CUSTOMER).get("/deliveries/" + UUID.randomUUID(), "Accept", "evil.example"), 400);
    }

    @Test
    void theActuatorIsOnTheManagementPortWithoutATokenAndNotOnTheApiPort() {
        assertThat(management().get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(management().get("/actuator/prometheus").body()).contains("orderflow_outbox_backlog_rows");

        assertProblem(http().get("/actuator/health"), 401);
        assertProblem(operator().get("/actuator/prometheus"), 404);
        assertProblem(management().get("/deliveries"), 404);
    }

    @Test
    void aQueryThatIsNotUtf8IsRefusedWithAProblemNotAServerError() {
        assertProblem(customer(CUSTOMER).get("/deliveries?orderId=%c0"), 400);
    }
}
