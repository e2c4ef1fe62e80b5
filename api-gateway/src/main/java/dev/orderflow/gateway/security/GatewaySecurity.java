package dev.orderflow.gateway.security;

import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.util.StringUtils;

/**
 * Who may pass the gateway: every request needs a valid bearer JWT, except the API descriptions, the probes and
 * the actuator on its own port; a token that is sent is checked even on a public path of the main port. The
 * gateway only authenticates: what a caller may do is decided by each service's access policy, which validates the
 * same token again.
 * <p>
 * The token itself is checked by Spring Boot's resource server (signature against the issuer's JWKS, {@code iss},
 * {@code aud}, {@code exp}, {@code nbf}: {@code spring.security.oauth2.resourceserver.jwt.*} in application.yml).
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {

    /** Swagger UI and the OpenAPI documents: public descriptions of the API, readable before logging in. */
    private static final String[] API_DOCUMENTATION = {"/swagger-ui.html", "/swagger-ui/**", "/webjars/**",
            "/openapi/**", "/v3/api-docs/**"};

    /**
     * The management port: the actuator and nothing else ({@link ManagementPortFilter}), without a token, and
     * without looking at whatever {@code Authorization} header a scraper or probe may send.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain managementPortSecurityFilterChain(ServerHttpSecurity http) {
        return http
                .securityMatcher(exchange -> ManagementPortFilter.onTheManagementPort(exchange)
                        ? MatchResult.match() : MatchResult.notMatch())
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .build();
    }

    @Bean
    SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, AuthenticationProblems problems) {
        return http
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.GET, API_DOCUMENTATION).permitAll()
                        .pathMatchers(HttpMethod.HEAD, API_DOCUMENTATION).permitAll()
                        // A breaker's fallback is a forward inside the gateway; called directly it answers 404.
                        .pathMatchers("/fallback/**").permitAll()
                        // /livez and /readyz on the main port, for load balancers that probe the traffic port.
                        .matchers(EndpointRequest.toAdditionalPaths(WebServerNamespace.SERVER, HealthEndpoint.class))
                        .permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(new SingleBearerToken())
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .jwt(Customizer.withDefaults()))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                // Stateless: a token in a header, which browsers never send on their own (so no CSRF), no session.
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .build();
    }

    /**
     * Every caller is identified: the services take {@code sub} as the customer and the rate limit counts per
     * {@code sub}, so a token without one is refused here too. Spring Boot adds this validator to the issuer,
     * audience and time checks of its decoder.
     */
    @Bean
    OAuth2TokenValidator<Jwt> subjectRequired() {
        return new JwtClaimValidator<String>(JwtClaimNames.SUB, StringUtils::hasText);
    }
}
