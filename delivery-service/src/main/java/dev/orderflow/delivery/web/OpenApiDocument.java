package dev.orderflow.delivery.web;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import dev.orderflow.delivery.application.Caller;
import dev.orderflow.webproblems.ApiDocumentation;

/**
 * What /v3/api-docs says beyond what springdoc reads from the controller: how to get a token, the problem every
 * error is ({@link ApiDocumentation}), and the errors of this API. 401 and 403 every operation can answer; the
 * others each operation lists ({@link DeliveryController}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

    static {
        // The caller comes from the token, not from a parameter of the request.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI deliveryServiceApi(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
        return new OpenAPI()
                .info(new Info().title("delivery-service").version("1").description("""
                        Deliveries, decided by the saga's events and read here. Every operation needs an access \
                        token of the realm (`aud` delivery-service) and one of the roles in its \
                        `x-allowed-roles`; every error is an RFC 9457 problem."""))
                .components(ApiDocumentation.components(issuer)
                        .addResponses("BadRequest", ApiDocumentation.problem("A parameter out of its bounds (the "
                                + "schema's limits) or of the wrong type, an unreadable Accept header or query"))
                        .addResponses("NotFound", ApiDocumentation.problem("No such delivery, or one the caller "
                                + "may not see: the two are not told apart")))
                .security(ApiDocumentation.security());
    }

    @Bean
    OpenApiCustomizer everyOperationNeedsAToken() {
        return ApiDocumentation.everyOperationAnswers(Map.of("401", "Unauthorized", "403", "Forbidden"));
    }
}
