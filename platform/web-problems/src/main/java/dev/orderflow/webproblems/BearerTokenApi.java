package dev.orderflow.webproblems;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The security both services share. The API answers only requests with a valid bearer token: an OAuth2 resource
 * server configured by Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*} (signature against the
 * issuer's keys, issuer, audience, expiry, not-before), stateless, without sessions, CSRF tokens, login forms or
 * HTTP basic. Its refusals are problems ({@link BearerProblems}). Public are only the OpenAPI document and Swagger
 * UI (static pages that hold no data; every call they make needs a token), the protected resource metadata
 * ({@code /.well-known/oauth-protected-resource}, which names the issuer), and the management server (the
 * actuator's own port, which nothing outside the cluster reaches). Each service adds the rules of its access
 * policy; whatever they do not name needs a valid token still.
 */
public final class BearerTokenApi {

    /** The OpenAPI document, which the gateway fetches without a token, and Swagger UI. */
    public static final String[] PUBLIC_DOCUMENTS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
            "/swagger-ui/**"};

    /** The name Spring Boot gives the context of the management server, when it has a port of its own. */
    private static final String MANAGEMENT_SERVER = "management";

    private BearerTokenApi() {
    }

    /**
     * @param issuerUri the realm's issuer, named as the authorization server in the protected resource metadata
     *                  (RFC 9728) that every 401's challenge points to
     * @param apiRules  the service's own rules, before the final "any other request needs a valid token"
     */
    public static SecurityFilterChain securityFilterChain(HttpSecurity http, String issuerUri, Customizer<
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> apiRules) {
        BearerProblems problems = new BearerProblems();
        http.authorizeHttpRequests(requests -> {
                    // The error dispatch of a request that was refused before security saw it (the 400 of
                    // UnreadableRequestFilter) or already let through: it must keep its status, not become a 401.
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                            .requestMatchers(BearerTokenApi::onManagementServer).permitAll()
                            .requestMatchers(HttpMethod.GET, PUBLIC_DOCUMENTS).permitAll();
                    apiRules.customize(requests);
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems)
                        .protectedResourceMetadata(metadata -> metadata.protectedResourceMetadataCustomizer(
                                resource -> resource.authorizationServer(issuerUri)
                                        // Tokens are not bound to client certificates here: no mutual TLS.
                                        .tlsClientCertificateBoundAccessTokens(false))))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // A browser never adds a bearer token on its own, so there is no cross-site request to forge.
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /**
     * The expiry check, made strict: Spring's default lets a token without {@code exp} through, and such a token
     * would never expire. Declared as a bean, it takes the place of the default one (same clock skew, 60 s).
     */
    public static JwtTimestampValidator expiryRequired() {
        JwtTimestampValidator validator = new JwtTimestampValidator();
        validator.setAllowEmptyExpiryClaim(false);
        return validator;
    }

    /**
     * A token must name its subject: the services know their callers by it (a customer's orders are theirs). A
     * provider may leave {@code sub} out (Keycloak without its "basic" scope); such a token is refused (401).
     */
    public static JwtClaimValidator<String> subjectRequired() {
        return new JwtClaimValidator<>(JwtClaimNames.SUB, subject -> subject != null && !subject.isBlank());
    }

    /**
     * Whether the request came in on the management port. Spring Boot puts the same filter chain in front of both
     * servers; only the management server has a context of this name, so with one port for both (the actuator on
     * the API port) nothing is public.
     */
    private static boolean onManagementServer(HttpServletRequest request) {
        WebApplicationContext context = WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
        return context != null && WebServerApplicationContext.hasServerNamespace(context, MANAGEMENT_SERVER);
    }
}
