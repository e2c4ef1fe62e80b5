package dev.orderflow.stack;

import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The gateway's circuit breakers and their states, from {@code /actuator/circuitbreakers} on its management port. */
final class GatewayBreakers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GatewayBreakers() {
    }

    /** Breaker name to state ("CLOSED", "OPEN", "HALF_OPEN"); empty when the gateway does not answer. */
    static Map<String, String> states(HealthProbe probe, Ports ports) {
        HealthProbe.Response response = probe.get(ports.gatewayManagement(), "/actuator/circuitbreakers");
        Map<String, String> states = new TreeMap<>();
        if (response.statusCode() != 200) {
            return states;
        }
        try {
            JsonNode breakers = JSON.readTree(response.body()).path("circuitBreakers");
            breakers.properties().forEach(entry -> states.put(entry.getKey(), entry.getValue().path("state").asString()));
        } catch (RuntimeException e) {
            // an answer we do not understand shows as no breakers
        }
        return states;
    }
}
