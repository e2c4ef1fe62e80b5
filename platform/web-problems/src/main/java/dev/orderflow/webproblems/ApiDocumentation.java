package dev.orderflow.webproblems;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springdoc.core.customizers.OpenApiCustomizer;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * What both services' OpenAPI documents share: how to get a token (the realm's authorization-code flow, with URLs
 * from the issuer, or any bearer JWT of the realm), the {@value #PROBLEM} schema every error answers with, and the
 * responses 401 and 403, which {@link BearerTokenApi} may give on every operation. Each service names its own
 * other error responses and the roles of each operation ({@value #ALLOWED_ROLES}).
 */
public final class ApiDocumentation {

    /** An operation's extension: the realm roles, any one of which lets a caller use it. */
    public static final String ALLOWED_ROLES = "x-allowed-roles";
    public static final String OAUTH2 = "oauth2";
    public static final String BEARER = "bearer";
    public static final String PROBLEM = "Problem";

    private ApiDocumentation() {
    }

    /** The security schemes, the problem schema and the 401 and 403 responses, for the service's document. */
    public static Components components(String issuer) {
        return new Components()
                .addSecuritySchemes(OAUTH2, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                        .description("Log in at the realm (client orderflow-web, authorization code with PKCE)")
                        .flows(new OAuthFlows().authorizationCode(new OAuthFlow()
                                .authorizationUrl(issuer + "/protocol/openid-connect/auth")
                                .tokenUrl(issuer + "/protocol/openid-connect/token")
                                .refreshUrl(issuer + "/protocol/openid-connect/token")
                                .scopes(new Scopes().addString("openid", "the caller's identity")))))
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT").description("An access token of the realm " + issuer))
                .addSchemas(PROBLEM, problemSchema())
                .addResponses("Unauthorized", problem("No access token, or one that is not valid for this "
                        + "service (signature, issuer, audience, expiry, not-before)").addHeaderObject(
                        "WWW-Authenticate", header("The RFC 6750 challenge: Bearer, with error=\"invalid_token\" "
                                + "for a bad token")))
                .addResponses("Forbidden", problem("The caller has none of the operation's " + ALLOWED_ROLES
                        + ", or the request asks for what the caller's role does not allow (see the operation)"));
    }

    /** Either scheme opens every operation: both carry the same access token. */
    public static List<SecurityRequirement> security() {
        return List.of(new SecurityRequirement().addList(OAUTH2), new SecurityRequirement().addList(BEARER));
    }

    /** An error response whose body is a {@value #PROBLEM}. */
    public static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(new Schema<>().$ref(PROBLEM))));
    }

    public static Header header(String description) {
        return new Header().description(description).schema(typed("string", null));
    }

    /**
     * Adds the responses every operation can give (status -> name of a response in the components), unless the
     * operation declares that status itself, and lists each operation's responses by status.
     */
    public static OpenApiCustomizer everyOperationAnswers(Map<String, String> responsesByStatus) {
        return api -> api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            ApiResponses responses = operation.getResponses();
            responsesByStatus.forEach((status, response) -> responses.putIfAbsent(status,
                    new ApiResponse().$ref("#/components/responses/" + response)));
            Map<String, ApiResponse> byStatus = new TreeMap<>(responses);
            responses.clear();
            responses.putAll(byStatus);
        }));
    }

    private static Schema<Object> problemSchema() {
        Schema<Object> field = typed("object", "A rejected field or parameter")
                .addProperty("field", typed("string", "The field's path, such as deliveryAddress.country"))
                .addProperty("message", typed("string", "What is wrong with it"));
        return typed("object", "An RFC 9457 problem (application/problem+json): every error answer of the API")
                .addProperty("type", typed("string", "The kind of problem as a URI; about:blank when the title "
                        + "says it all").format("uri"))
                .addProperty("title", typed("string", "The kind of problem"))
                .addProperty("status", typed("integer", "The HTTP status").format("int32"))
                .addProperty("detail", typed("string", "What went wrong with this request"))
                .addProperty("instance", typed("string", "The request's path").format("uri-reference"))
                .addProperty("errors", typed("array", "400 of validation: each rejected field").items(field))
                .required(List.of("type", "title", "status"));
    }

    /** Both spellings of a type: OpenAPI 3.0's {@code type} and the 3.1 {@code types} springdoc writes. */
    private static Schema<Object> typed(String type, String description) {
        Schema<Object> schema = new Schema<>();
        schema.type(type).addType(type);
        return schema.description(description);
    }
}
