package dev.orderflow.gateway.openapi;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where a browser logs in: the issuer's public authorization and token endpoints. A service describes its OAuth2
 * security scheme with the issuer it knows, which may be an internal address (in compose or Kubernetes the services
 * reach Keycloak by its service name); Swagger UI sends the browser to those URLs, so the gateway writes the public
 * ones into every OAuth2 flow of the documents it serves.
 *
 * @param authorizationUrl the issuer's authorization endpoint as a browser reaches it
 * @param tokenUrl         the issuer's token endpoint as a browser reaches it (also used for refreshing)
 */
@ConfigurationProperties("orderflow.gateway.openapi")
public record LoginEndpoints(URI authorizationUrl, URI tokenUrl) {

    void pointOAuth2FlowsAt(ObjectNode document) {
        for (JsonNode scheme : document.path("components").path("securitySchemes").values()) {
            if ("oauth2".equals(scheme.path("type").asString(null))) {
                for (JsonNode flow : scheme.path("flows").values()) {
                    if (flow instanceof ObjectNode endpoints) {
                        replace(endpoints, "authorizationUrl", authorizationUrl);
                        replace(endpoints, "tokenUrl", tokenUrl);
                        replace(endpoints, "refreshUrl", tokenUrl);
                    }
                }
            }
        }
    }

    private static void replace(ObjectNode flow, String field, URI url) {
        if (flow.has(field)) {
            flow.put(field, url.toString());
        }
    }
}
