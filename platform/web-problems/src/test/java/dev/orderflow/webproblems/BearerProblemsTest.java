package dev.orderflow.webproblems;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A refused token is answered like every other error: a problem, with the RFC 6750 challenge beside it. */
class BearerProblemsTest {

    private final BearerProblems problems = new BearerProblems();
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/orders/[x]");
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void aMissingTokenIsA401ProblemWithABearerChallenge() throws Exception {
        problems.commence(request, response, new InsufficientAuthenticationException("no token"));

        JsonNode problem = problem(401);
        assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
        assertThat(problem.get("title").asString()).isEqualTo("Unauthorized");
        assertThat(problem.get("instance").asString()).isEqualTo("/orders/%5Bx%5D");
    }

    @Test
    void anInvalidTokenIsA401ProblemThatNamesTheErrorOnlyInTheChallenge() throws Exception {
        problems.commence(request, response, new InvalidBearerTokenException("Jwt expired at 2026-01-01T00:00:00Z"));

        JsonNode problem = problem(401);
        assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer").contains("error=\"invalid_token\"");
        assertThat(problem.get("detail").asString()).doesNotContain("expired");
    }

    @Test
    void aTokenWithoutTheRoleIsA403Problem() throws Exception {
        problems.handle(request, response, new AccessDeniedException("denied"));

        assertThat(problem(403).get("title").asString()).isEqualTo("Forbidden");
        assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
    }

    private JsonNode problem(int status) throws Exception {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(response.getContentAsString());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).isEqualTo("about:blank");
        return problem;
    }
}
