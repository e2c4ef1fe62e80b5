package dev.orderflow.order.web;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import dev.orderflow.order.application.Caller;
import dev.orderflow.webproblems.ApiDocumentation;

/**
 * What /v3/api-docs says beyond what springdoc reads from the controller: how to get a token, the problem every
 * error is ({@link ApiDocumentation}), and the errors of this API. 401, 403 and 503 every operation can answer;
 * the others each operation lists ({@link OrderController}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

    static {
        // The caller comes from the token, not from a parameter of the request.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI orderServiceApi(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
        return new OpenAPI()
                .info(new Info().title("order-service").version("1").description("""
                        Orders and their saga. Every operation needs an access token of the realm (`aud` \
                        order-service) and one of the roles in its `x-allowed-roles`; every error is an RFC 9457 \
                        problem."""))
                .components(ApiDocumentation.components(issuer)
                        .addResponses("BadRequest", ApiDocumentation.problem("Malformed JSON, a field or parameter "
                                + "out of its bounds (the schema's limits; `errors` names each), an unreadable "
                                + "Accept header or query"))
                        .addResponses("NotFound", ApiDocumentation.problem("No such order, or another customer's: "
                                + "the two are not told apart"))
                        .addResponses("Conflict", ApiDocumentation.problem("The order is already cancelled, or it "
                                + "changed concurrently: read it again"))
                        .addResponses("ContentTooLarge", ApiDocumentation.problem("The body is over 64 KB"))
                        .addResponses("UnsupportedMediaType", ApiDocumentation.problem("The body is not "
                                + "application/json"))
                        .addResponses("IdempotencyKeyReused", ApiDocumentation.problem("The caller used this "
                                + "Idempotency-Key for another body"))
                        .addResponses("ServiceUnavailable", ApiDocumentation.problem("The order store is "
                                + "unavailable; nothing was changed").addHeaderObject("Retry-After",
                                ApiDocumentation.header("Seconds to wait before a retry"))))
                .security(ApiDocumentation.security());
    }

    @Bean
    OpenApiCustomizer everyOperationNeedsATokenAndTheStore() {
        return ApiDocumentation.everyOperationAnswers(Map.of(
                "401", "Unauthorized", "403", "Forbidden", "503", "ServiceUnavailable"));
    }
}
