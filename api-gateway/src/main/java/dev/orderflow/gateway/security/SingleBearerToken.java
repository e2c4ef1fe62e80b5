package dev.orderflow.gateway.security;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Takes the bearer token from the request's one {@code Authorization} header, as Spring Security does, but refuses
 * a request that has several: Spring Security would check the first and the gateway would pass all of them on, so
 * a service reading another one than the gateway checked must never be possible. Refused as RFC 6750's
 * {@code invalid_request} (400), which is how Spring Security answers two tokens in other places of one request.
 */
class SingleBearerToken implements ServerAuthenticationConverter {

    private final ServerBearerTokenAuthenticationConverter bearerToken = new ServerBearerTokenAuthenticationConverter();

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        List<String> authorizations = exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.AUTHORIZATION);
        if (authorizations.size() > 1) {
            return Mono.error(new OAuth2AuthenticationException(
                    BearerTokenErrors.invalidRequest("The request must not have more than one Authorization header")));
        }
        return bearerToken.convert(exchange);
    }
}
