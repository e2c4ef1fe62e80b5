package dev.orderflow.testinfra;

import static org.assertj.core.api.Assertions.assertThat;

/** What every error answer of the services must be: RFC 9457 problem details whose status is the HTTP status. */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    public static void assertProblem(HttpTestClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("title").asString()).isNotBlank();
    }
}
