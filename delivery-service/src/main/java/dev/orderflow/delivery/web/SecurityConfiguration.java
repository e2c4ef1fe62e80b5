package dev.orderflow.delivery.web;

import static dev.orderflow.delivery.web.CallerResolver.allowing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.web.SecurityFilterChain;

import dev.orderflow.delivery.application.DeliveryAccessPolicy;
import dev.orderflow.webproblems.BearerTokenApi;

/**
 * Every API request needs a valid token of the realm, and a role {@link DeliveryAccessPolicy} admits, before the
 * request is read (403 without it); which deliveries a caller sees, the queries decide by the same policy.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, DeliveryAccessPolicy access,
                                            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
        return BearerTokenApi.securityFilterChain(http, issuer, api -> api
                .requestMatchers(HttpMethod.GET, "/deliveries", "/deliveries/*")
                .access(allowing(access::mayReadDeliveries)));
    }

    // Checked beside Boot's own (signature, issuer, audience): Boot adds every token validator bean.
    @Bean
    JwtTimestampValidator expiryRequired() {
        return BearerTokenApi.expiryRequired();
    }

    @Bean
    JwtClaimValidator<String> subjectRequired() {
        return BearerTokenApi.subjectRequired();
    }
}
