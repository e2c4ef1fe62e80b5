package dev.orderflow.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.orderflow.testinfra.HttpTestClient;

import static dev.orderflow.systemtests.RawAnswers.abbreviate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad tokens and Authorization headers ({@link HostileTokens}, made from a real token of Keycloak) at every endpoint
 * through the gateway: each is refused with a 401 problem that asks for a bearer token (or, for a header too large
 * to read or a second Authorization header, a 400-class problem), never a 5xx, and nothing changes. The seed is printed; {@code -Dorderflow.fuzz.seed=...}
 * replays a run.
 */
@ExtendWith(SystemStackExtension.class)
class HostileTokensIT {

    private static final int ATTEMPTS = 340;

    private final SystemStack system;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HostileTokensIT(SystemStack system) {
        this.system = system;
    }

    @Test
    void everyBadTokenIsRefusedWithAProblemAndChangesNothing() {
        Shop shop = system.shop();
        String order = shop.placeOrder("DE");
        String status = shop.awaitStatus(order, "CONFIRMED").path("status").asString();
        long ordersBefore = shop.countOrders("CONFIRMED") + shop.countOrders("CANCELLED") + shop.countOrders("PENDING");
        String jwks = new HttpTestClient(system.stack().ports().issuer()).get("/protocol/openid-connect/certs").body();
        long seed = HostileRequests.seed();
        System.out.println("HostileTokensIT: seed " + seed);
        List<HostileTokens.Attempt> attempts = new HostileTokens(system.tokens().demoUser(SystemStack.CUSTOMER), jwks,
                seed).generate(ATTEMPTS);
        List<Endpoint> endpoints = List.of(new Endpoint("GET", "/api/orders", null),
                new Endpoint("GET", "/api/orders/" + order, null), new Endpoint("POST", "/api/orders", Shop.orderBody("KR")),
                new Endpoint("POST", "/api/orders/" + order + "/cancel", ""), new Endpoint("GET", "/api/deliveries", null),
                new Endpoint("GET", "/api/deliveries?orderId=" + order, null));

        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (int i = 0; i < attempts.size(); i++) {
            HostileTokens.Attempt attempt = attempts.get(i);
            Endpoint endpoint = endpoints.get(i % endpoints.size());
            if (attempt.kind().equals("huge") && endpoint.body() != null) {
                // A header over the server's limit is answered, and the connection closed, before a body is read.
                endpoint = endpoints.get(0);
            }
            Optional<HttpRequest> request = endpoint.request(system.stack().ports().gateway(), attempt);
            if (request.isEmpty()) {
                continue; // a header the HTTP client itself refuses to send
            }
            sent++;
            judge(attempt, endpoint, RawAnswers.send(http, request.get())).ifPresent(failures::add);
        }

        assertThat(sent).as("attempts sent").isGreaterThanOrEqualTo(200);
        assertThat(HostileTokens.kindsOf(attempts)).hasSizeGreaterThanOrEqualTo(15);
        assertThat(failures).as("bad tokens answered wrongly (%d of %d, seed %d)", failures.size(), sent, seed).isEmpty();
        assertThat(shop.order(order).path("status").asString()).as("the order no bad token may cancel").isEqualTo(status);
        assertThat(shop.countOrders("CONFIRMED") + shop.countOrders("CANCELLED") + shop.countOrders("PENDING"))
                .as("orders placed with bad tokens").isEqualTo(ordersBefore);
    }

    private static Optional<String> judge(HostileTokens.Attempt attempt, Endpoint endpoint,
                                          Optional<HttpResponse<String>> answer) {
        String what = endpoint + " with " + attempt;
        if (answer.isEmpty()) {
            return Optional.of("no answer to " + what);
        }
        HttpResponse<String> response = answer.get();
        int status = response.statusCode();
        if (status != 401 && !refusedAsMalformed(attempt, status)) {
            return Optional.of(status + " for " + what + " -> " + abbreviate(RawAnswers.body(response)));
        }
        Optional<String> fault = RawAnswers.problemFault(response);
        if (fault.isPresent()) {
            return Optional.of(status + " " + fault.get() + " for " + what);
        }
        if (status == 401 && !response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer")) {
            return Optional.of("401 without a Bearer challenge for " + what);
        }
        return Optional.empty();
    }

    /**
     * A header too large to read (431 and the like), or two Authorization headers (400 {@code invalid_request}, RFC
     * 6750: the gateway would not know which one the services are to check), is refused before authentication.
     */
    private static boolean refusedAsMalformed(HostileTokens.Attempt attempt, int status) {
        return switch (attempt.kind()) {
            case "huge" -> status == 400 || status == 413 || status == 431;
            case "two Authorization headers, one of them bad" -> status == 400;
            default -> false;
        };
    }

    private record Endpoint(String method, String path, String body) {

        Optional<HttpRequest> request(int gatewayPort, HostileTokens.Attempt attempt) {
            try {
                HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + gatewayPort + path))
                        .timeout(Duration.ofSeconds(20))
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
                if (body != null) {
                    builder.header("Content-Type", "application/json");
                }
                attempt.authorizations().forEach(value -> builder.header("Authorization", value));
                return Optional.of(builder.build());
            } catch (IllegalArgumentException unsendable) {
                return Optional.empty();
            }
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
