package dev.orderflow.order.web;

import static dev.orderflow.order.web.CallerResolver.allowing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.web.SecurityFilterChain;

import dev.orderflow.order.application.OrderAccessPolicy;
import dev.orderflow.webproblems.BearerTokenApi;

/**
 * Every API request needs a valid token of the realm, and the role {@link OrderAccessPolicy} names for it, before
 * the request is read (403 without it); which orders a caller may touch, the use cases decide by the same policy.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, OrderAccessPolicy access,
                                            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
        return BearerTokenApi.securityFilterChain(http, issuer, api -> api
                .requestMatchers(HttpMethod.POST, "/orders").access(allowing(access::mayPlaceOrders))
                .requestMatchers(HttpMethod.GET, "/orders", "/orders/*").access(allowing(access::mayUseOrders))
                .requestMatchers(HttpMethod.POST, "/orders/*/cancel").access(allowing(access::mayUseOrders)));
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
