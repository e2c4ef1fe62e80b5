package dev.orderflow.delivery;

import static dev.orderflow.testinfra.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.orderflow.testinfra.RawHttpClient;

/** Problem details for what never reaches the controllers: unreadable request lines, TRACE, Accept and queries. */
class DeliveryApiIT extends DeliveryServiceIntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "GET /deliveries/%c0%ae HTTP/1.1",         // a %-encoding that is not UTF-8
            "GET /deliveries?orderId=\u0001 HTTP/1.1", // a raw control character
            "GET /deliveries?orderId=%zz HTTP/1.1"})   // no %-encoding at all
    void requestLinesThatCannotBeReadGetProblemsNotTomcatPages(String requestLine) {
        assertProblem(new RawHttpClient(port).send(requestLine), 400);
    }

    @Test
    void anIdWithRelaxedCharactersGetsAProblemThatSaysWhyAndNamesThePathAsAUri() {
        var response = new RawHttpClient(port).send("GET /deliveries/[x] HTTP/1.1");

        assertProblem(response, 400);
        assertThat(response.json().get("detail").asString()).contains("'id'", "[x]");
        assertThat(response.json().get("instance").asString()).isEqualTo("/deliveries/%5Bx%5D");
    }

    @Test
    void traceIsRefusedWithAProblem() {
        assertProblem(http().send("TRACE", "/deliveries", HttpRequest.BodyPublishers.noBody()), 405);
    }

    @Test
    void anUnreadableAcceptHeaderIsRefusedWithAProblem() {
        assertProblem(http().get("/deliveries?size=1", "Accept", "gzip;q=2"), 400);
        assertProblem(http().get("/deliveries/" + UUID.randomUUID(), "Accept", "evil.example"), 400);
    }

    @Test
    void aQueryThatIsNotUtf8IsRefusedWithAProblemNotAServerError() {
        assertProblem(http().get("/deliveries?orderId=%c0"), 400);
    }
}
