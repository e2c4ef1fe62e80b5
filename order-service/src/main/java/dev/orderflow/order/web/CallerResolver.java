package dev.orderflow.order.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.core.MethodParameter;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.orderflow.order.application.Caller;

/**
 * The {@link Caller} of a request, from its validated access token: the subject, and the realm roles that Spring
 * Security made authorities ({@code roles: [customer]} -> {@code ROLE_customer}, see application.yml). Controller
 * methods take it as a parameter; the security filter chain asks the access policy with it.
 */
@Component
class CallerResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    /** spring.security.oauth2.resourceserver.jwt.authority-prefix */
    private static final String ROLE_AUTHORITY = "ROLE_";

    static Optional<Caller> of(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return Optional.empty();
        }
        Set<Caller.Role> roles = token.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .flatMap(authority -> Arrays.stream(Caller.Role.values())
                        .filter(role -> authority.equals(ROLE_AUTHORITY + role.name().toLowerCase(Locale.ROOT))))
                .collect(Collectors.toSet());
        return Optional.of(new Caller(token.getName(), roles));
    }

    /** Lets a request through when its caller passes the rule; anonymous requests never do (401). */
    static AuthorizationManager<RequestAuthorizationContext> allowing(Predicate<Caller> rule) {
        return (authentication, context) -> new AuthorizationDecision(of(authentication.get()).filter(rule).isPresent());
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        return of(SecurityContextHolder.getContext().getAuthentication()).orElseThrow(() ->
                new IllegalStateException("no request reaches a controller without a validated token"));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }
}
