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
 * {@code OpenApiServers} route filter: replaces the {@code servers} of a service's OpenAPI document by the
 * gateway's path for that API.
 * <p>
 * springdoc fills {@code servers} with the URL the service was called on (its internal host), and the service's
 * paths ({@code /orders}) lack the gateway's {@code /api} prefix. A relative server URL such as {@code /api}
 * makes Swagger UI send "Try it out" requests to {@code /api/orders} on whatever host served the document:
 * the gateway. Bodies that are not OpenAPI documents (errors, fallbacks) pass unchanged.
 */
@Component
public class OpenApiServersGatewayFilterFactory
        extends AbstractGatewayFilterFactory<OpenApiServersGatewayFilterFactory.Config> {

    private final ModifyResponseBodyGatewayFilterFactory modifyResponseBody;
    private final JsonMapper jsonMapper;

    public OpenApiServersGatewayFilterFactory(ModifyResponseBodyGatewayFilterFactory modifyResponseBody,
            JsonMapper jsonMapper) {
        super(Config.class);
        this.modifyResponseBody = modifyResponseBody;
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
                        (exchange, body) -> Mono.justOrEmpty(withServer(body, config.getUrl()))));
    }

    String withServer(String body, String url) {
        if (body == null) {
            return null;
        }
        try {
            JsonNode document = jsonMapper.readTree(body);
            if (!(document instanceof ObjectNode openApi) || !openApi.has("openapi")) {
                return body;
            }
            openApi.putArray("servers").addObject()
                    .put("url", url)
                    .put("description", "API gateway");
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
