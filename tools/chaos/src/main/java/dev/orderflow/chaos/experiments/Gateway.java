package dev.orderflow.chaos.experiments;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the public API through the gateway, as a client would: with the lab's token, as an operator. */
final class Gateway {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI base;
    private final Supplier<String> token;

    private Gateway(URI base, Supplier<String> token) {
        this.base = base;
        this.token = token;
    }

    /** The lab's gateway, read by the automation client (an operator: every order, every delivery). */
    static Gateway of(Lab lab) {
        return new Gateway(lab.gateway(), lab.automationToken());
    }

    JsonNode get(String pathAndQuery) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(pathAndQuery))
                    .header("Authorization", "Bearer " + token.get())
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + pathAndQuery + " answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + pathAndQuery + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode order(String id) {
        return get("/api/orders/" + id);
    }

    JsonNode deliveriesOf(String orderId) {
        return get("/api/deliveries?orderId=" + orderId).path("items");
    }
}
