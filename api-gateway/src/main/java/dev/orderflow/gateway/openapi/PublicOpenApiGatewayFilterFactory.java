package dev.orderflow.gateway.openapi;

import java.util.List;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.rewrite.ModifyResponseBodyGatewayFilterFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code PublicOpenApi} route filter: points a service's OpenAPI document at what a browser has to call, since
 * Swagger UI follows its URLs from the browser, and adds what the gateway itself answers.
 * <ul>
 * <li>{@code servers} becomes the gateway's path for that API. springdoc fills it with the URL the service was
 * called on (its internal host), and the service's paths ({@code /orders}) lack the gateway's {@code /api} prefix.
 * A relative server URL such as {@code /api} makes "Try it out" call {@code /api/orders} on whatever host served
 * the document: the gateway.</li>
 * <li>The OAuth2 security scheme's login endpoints become the issuer's public ones ({@link LoginEndpoints}).</li>
 * <li>Every operation gets the answers only the gateway gives: 429, its 503 fallback and the rate-limit headers
 * ({@link GatewayResponses}).</li>
 * </ul>
 * Bodies that are not OpenAPI documents (errors, fallbacks) pass unchanged.
 */
@Component
public class PublicOpenApiGatewayFilterFactory
        extends AbstractGatewayFilterFactory<PublicOpenApiGatewayFilterFactory.Config> {

    private final ModifyResponseBodyGatewayFilterFactory modifyResponseBody;
    private final LoginEndpoints loginEndpoints;
    private final JsonMapper jsonMapper;

    public PublicOpenApiGatewayFilterFactory(ModifyResponseBodyGatewayFilterFactory modifyResponseBody,
            LoginEndpoints loginEndpoints, JsonMapper jsonMapper) {
        super(Config.class);
        this.modifyResponseBody = modifyResponseBody;
        this.loginEndpoints = loginEndpoints;
        this.jsonMapper = jsonMapper;
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("url");
    }

    @Override
    public GatewayFilter apply(Config config) {
        return modifyResponseBody.apply(new ModifyResponseBodyGatewayFilterFactory.Config()
                .setRewriteFunction(String.class, String.class,
                        (exchange, body) -> Mono.justOrEmpty(publicDocument(body, config.getUrl()))));
    }

    String publicDocument(String body, String serverUrl) {
        if (body == null) {
            return null;
        }
        try {
            JsonNode document = jsonMapper.readTree(body);
            if (!(document instanceof ObjectNode openApi) || !openApi.has("openapi")) {
                return body;
            }
            openApi.putArray("servers").addObject()
                    .put("url", serverUrl)
                    .put("description", "API gateway");
            loginEndpoints.pointOAuth2FlowsAt(openApi);
            GatewayResponses.addTo(openApi);
            return jsonMapper.writeValueAsString(openApi);
        }
        catch (JacksonException notJson) {
            return body;
        }
    }

    public static class Config {

        private String url = "/api";

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }
    }
}
