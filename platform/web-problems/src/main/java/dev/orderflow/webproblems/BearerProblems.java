package dev.orderflow.webproblems;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * A resource server's refusals as problems: no or a bad bearer token (401), a token without the role an endpoint
 * needs (403). Spring Security's own bearer handlers set the status and the {@code WWW-Authenticate} challenge of
 * RFC 6750; they write no body, and this adds the same problem body every other error of the services has.
 * <p>
 * The detail never says what exactly is wrong with a token (expired, foreign issuer...): the challenge's
 * {@code error_description} tells a legitimate client, and a forger learns nothing from the body.
 */
public final class BearerProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler refusal = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        challenge.commence(request, response, e);
        write(request, response, e instanceof OAuth2AuthenticationException
                ? "the bearer token is not valid for this service"
                : "the request needs a bearer token (Authorization: Bearer <access token>)");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        refusal.handle(request, response, e);
        write(request, response, "the caller's roles do not allow this request");
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        int status = response.getStatus();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", ProblemDetailsErrorController.title(status));
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", ProblemInstance.of(request.getRequestURI()).toString());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
