package dev.orderflow.webproblems;

import static dev.orderflow.testinfra.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.orderflow.testinfra.HttpTestClient;
import dev.orderflow.webproblems.application.WebProblemsTestApplication;
import dev.orderflow.testinfra.RawHttpClient;

/**
 * Whichever layer answers an error, Tomcat itself, the {@code /error} dispatch or a filter, the answer is a problem:
 * {@code application/problem+json} with the status and a title.
 */
@SpringBootTest(classes = WebProblemsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.tomcat.relaxed-path-chars=[,]")
class WebProblemsTest {

    @LocalServerPort
    int port;

    @Autowired
    WebProblemsTestApplication.Things things;

    @ParameterizedTest
    @ValueSource(strings = {
            "GET /things?name=\u0001 HTTP/1.1",       // a raw control character
            "GET /things?name=\u00c3\u00a9 HTTP/1.1", // raw bytes outside ASCII (the UTF-8 of an é)
            "GET /things/%zz HTTP/1.1",               // no %-encoding at all
            "GET /things/%c0%ae HTTP/1.1"})           // a %-encoding that is not UTF-8
    void requestLinesTomcatCannotParseGetAProblemInsteadOfItsHtmlPage(String requestLine) {
        assertProblem(raw().send(requestLine), 400);
    }

    @Test
    void traceIsRefusedWithA405ProblemThatListsTheAllowedMethods() {
        HttpTestClient.Response response = http().send("TRACE", "/things", HttpRequest.BodyPublishers.noBody());

        assertProblem(response, 405);
        assertThat(response.header("Allow")).hasValueSatisfying(allow ->
                assertThat(allow).contains("GET", "POST").doesNotContain("TRACE"));
        assertThat(response.json().get("instance").asString()).isEqualTo("/things");
    }

    @Test
    void problemsOfTheErrorDispatchNameThePathAsAUriEvenWithRelaxedCharacters() {
        HttpTestClient.Response response = raw().send("TRACE /things/[x] HTTP/1.1");

        assertProblem(response, 405);
        assertThat(response.json().get("instance").asString()).isEqualTo("/things/%5Bx%5D");
    }

    @Test
    void aPathWithRelaxedCharactersThatMvcRejectsGetsItsDetailAndThePathAsAUri() {
        HttpTestClient.Response response = raw().send("GET /things/[x] HTTP/1.1");

        assertProblem(response, 400);
        assertThat(response.json().get("detail").asString()).contains("'id'", "[x]");
        assertThat(response.json().get("instance").asString()).isEqualTo("/things/%5Bx%5D");
    }

    @Test
    void theServicesOwnProblemsNameThePathAsAUriEvenWithRelaxedCharacters() {
        HttpTestClient.Response response = raw().send("GET /things/[x]/parts HTTP/1.1");

        assertProblem(response, 404);
        assertThat(response.json().get("title").asString()).isEqualTo("Thing not found");
        assertThat(response.json().get("instance").asString()).isEqualTo("/things/%5Bx%5D/parts");
    }

    @Test
    void anAcceptHeaderThatIsNoListOfMediaTypesIsRefusedBeforeTheHandlerRuns() {
        int createdBefore = things.created.get();

        assertProblem(http().post("/things", "{\"n\":1}", "Accept", "gzip;q=2"), 400);
        assertProblem(http().get("/things", "Accept", "application/json;q=x"), 400);
        assertProblem(http().get("/things", "Accept", "\"a/b"), 400);

        assertThat(things.created).hasValue(createdBefore);
        assertThat(http().post("/things", "{\"n\":1}", "Accept", "application/json").status()).isEqualTo(201);
    }

    @Test
    void aQueryStringThatIsNotUtf8IsA400ProblemNotAServerError() {
        assertProblem(http().get("/things?name=%c0"), 400);
        assertProblem(raw().send("GET /things?name=%zz HTTP/1.1"), 400);

        assertThat(http().get("/things?name=%C3%A9").json().get("name").asString()).isEqualTo("\u00e9");
    }

    @Test
    void anExceptionThatEscapesEveryHandlerIsA500ProblemWithoutItsMessage() {
        HttpTestClient.Response response = http().get("/failure");

        assertProblem(response, 500);
        assertThat(response.body()).doesNotContain("internal detail");
    }

    @Test
    void theErrorPathCalledDirectlyIsNotFound() {
        assertProblem(http().get("/error"), 404);
    }

    private HttpTestClient http() {
        return new HttpTestClient("http://localhost:" + port);
    }

    private RawHttpClient raw() {
        return new RawHttpClient(port);
    }
}
