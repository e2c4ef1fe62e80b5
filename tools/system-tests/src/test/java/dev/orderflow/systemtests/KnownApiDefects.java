package dev.orderflow.systemtests;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Defects {@link HostileInputIT} found in the services and the gateway, reported to be fixed there. An answer that
 * matches one is counted and printed instead of failing the build; anything else fails. Remove an entry when its fix
 * is in: the test then holds the line.
 */
final class KnownApiDefects {

    /** One known defect: what it is, and how to recognise its answers. */
    record Defect(String description, BiPredicate<HostileRequests.Probe, HttpResponse<String>> matches) {
    }

    static final List<Defect> ALL = List.of(
            new Defect("the services' Tomcat answers 400 with its HTML error page (e.g. unencoded [ ] in the query) "
                    + "and the gateway passes it on",
                    (probe, response) -> response.statusCode() == 400
                            && contentType(response).startsWith("text/html")),
            new Defect("TRACE is answered 405 with Spring Boot's default error JSON, not problem details",
                    (probe, response) -> probe.method().equals("TRACE") && response.statusCode() == 405
                            && response.body().contains("\"timestamp\"")),
            new Defect("an unparseable Accept header is answered 400/406 with an empty body",
                    (probe, response) -> (response.statusCode() == 400 || response.statusCode() == 406)
                            && probe.headers().containsKey("Accept") && response.body().isEmpty()));

    private KnownApiDefects() {
    }

    static Optional<Defect> matching(HostileRequests.Probe probe, HttpResponse<String> response) {
        return ALL.stream().filter(defect -> defect.matches().test(probe, response)).findFirst();
    }

    private static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }
}
