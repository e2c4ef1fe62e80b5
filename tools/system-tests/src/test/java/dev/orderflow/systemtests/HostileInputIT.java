package dev.orderflow.systemtests;

import static dev.orderflow.systemtests.RawAnswers.abbreviate;
import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * Hostile input through the gateway, generated from a seeded random source (see {@link HostileRequests}): whatever
 * arrives, the answer is never a 5xx, every error is a problem-details body, a rejected request changes nothing and
 * no path leads to an actuator. The seed is printed; {@code -Dorderflow.fuzz.seed=...} replays a run.
 */
@ExtendWith(SystemStackExtension.class)
class HostileInputIT {

    private static final int REQUESTS = 1_200;
    private static final List<String> ACTUATOR_MARKERS = List.of("\"_links\"", "\"propertySources\"", "\"activeProfiles\"",
            "\"circuitBreakers\"", "\"chaosMonkeySettings\"", "jvm_memory", "\"groups\":[\"liveness\"", "\"openapi\"",
            "\"status\":\"UP\"", "\"routes\"");

    private final SystemStack system;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HostileInputIT(SystemStack system) {
        this.system = system;
    }

    @Test
    void noHostileRequestGetsAServerErrorAnUnexplainedRejectionAChangeOfStateOrAnActuator() {
        String gateway = "http://localhost:" + system.stack().ports().gateway();
        // A customer's token on every probe that brings no Authorization of its own: the hostile input then
        // reaches the services' validation, not only the gateway's authentication.
        String token = system.tokens().demoUser(SystemStack.CUSTOMER);
        long ordersBefore = orderCount();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        int accepted = 0;
        long seed = HostileRequests.seed();
        System.out.println("HostileInputIT: fuzz seed " + seed + " (replay with -D" + HostileRequests.SEED_PROPERTY
                + "=" + seed + ")");
        for (HostileRequests.Probe probe : (Iterable<HostileRequests.Probe>) HostileRequests.any(seed)
                .limit(REQUESTS * 2L)::iterator) {
            Optional<HttpRequest> request = build(gateway, probe, token);
            if (request.isEmpty()) {
                continue; // a request the HTTP client itself refuses to send (e.g. a header with a control character)
            }
            sent++;
            Optional<HttpResponse<String>> response = RawAnswers.send(http, request.get());
            if (response.isEmpty()) {
                failures.add("no answer at all to " + probe);
                continue;
            }
            if (response.get().statusCode() == 201) {
                accepted++;
            }
            judge(probe, response.get()).ifPresent(failures::add);
            if (sent == REQUESTS) {
                break;
            }
        }

        assertThat(sent).isEqualTo(REQUESTS);
        assertThat(failures).as("hostile requests answered wrongly (%d of %d, seed %d)", failures.size(), sent, seed)
                .isEmpty();
        assertThat(orderCount() - ordersBefore).as("orders created: only by the %d requests answered 201", accepted)
                .isEqualTo(accepted);
    }

    private static Optional<String> judge(HostileRequests.Probe probe, HttpResponse<String> response) {
        int status = response.statusCode();
        String body = RawAnswers.body(response);
        if (status >= 500) {
            return Optional.of(status + " for " + probe + " -> " + abbreviate(body));
        }
        for (String marker : ACTUATOR_MARKERS) {
            if (body.contains(marker) && !body.contains("\"items\"")) {
                return Optional.of("actuator reached (" + marker + ") by " + probe + " -> " + abbreviate(body));
            }
        }
        if (status >= 400 && !probe.method().equals("HEAD")) {
            return RawAnswers.problemFault(response).map(fault -> status + " " + fault + " for " + probe + " -> "
                    + abbreviate(body));
        }
        return Optional.empty();
    }

    private static Optional<HttpRequest> build(String gateway, HostileRequests.Probe probe, String token) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gateway + probe.path()))
                    .timeout(Duration.ofSeconds(20));
            probe.headers().forEach(builder::header);
            if (probe.headers().keySet().stream().noneMatch("Authorization"::equalsIgnoreCase)) {
                builder.header("Authorization", "Bearer " + token);
            }
            builder.method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
            return Optional.of(builder.build());
        } catch (IllegalArgumentException unsendable) {
            return Optional.empty();
        }
    }

    private long orderCount() {
        return system.as(SystemStack.OPERATOR).get("/api/orders?size=1").json().path("totalItems").asLong();
    }

}
