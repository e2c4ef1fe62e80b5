package dev.orderflow.bench;

import java.io.IOException;
import java.util.Map;

import dev.orderflow.stack.Component;

/**
 * The gateway with its CircuitBreaker filter and without: a second gateway runs beside the stack's own, its
 * routes those of api-gateway's application.yml (replaced through SPRING_APPLICATION_JSON) minus the
 * CircuitBreaker filter. The rest (StripPrefix, Location rewrite, rate limit, retry of idempotent requests)
 * stays. Both are measured warm, in alternating rounds; restarting one gateway between the variants made the
 * comparison a comparison of two JIT warm-ups (0.87 to 1.05 across runs).
 */
final class CircuitBreakerCost {

    private static final String RETRY = """
            {"name":"Retry","args":{"retries":"${orderflow.gateway.retry.retries}","methods":"GET, HEAD",
             "statuses":"BAD_GATEWAY, SERVICE_UNAVAILABLE, GATEWAY_TIMEOUT","series":"",
             "exceptions":"java.io.IOException","backoff.firstBackoff":"${orderflow.gateway.retry.first-backoff}",
             "backoff.maxBackoff":"${orderflow.gateway.retry.max-backoff}","backoff.factor":"2",
             "backoff.basedOnPreviousValue":"false"}}""";

    static final String ROUTES_WITHOUT_BREAKER = """
            {"spring":{"cloud":{"gateway":{"server":{"webflux":{"routes":[
             {"id":"order-service","uri":"${orderflow.gateway.order-service-url}",
              "predicates":["Path=/api/orders,/api/orders/**"],
              "filters":["StripPrefix=1",
               {"name":"RewriteResponseHeader","args":{"name":"Location",
                "regexp":"^(https?://[^/]+)?/orders(?<rest>[/?].*)?$","replacement":"/api/orders$\\\\{rest}"}},
               "ClientRateLimit", %1$s]},
             {"id":"delivery-service","uri":"${orderflow.gateway.delivery-service-url}",
              "predicates":["Path=/api/deliveries,/api/deliveries/**"],
              "filters":["StripPrefix=1",
               {"name":"RewriteResponseHeader","args":{"name":"Location",
                "regexp":"^(https?://[^/]+)?/deliveries(?<rest>[/?].*)?$","replacement":"/api/deliveries$\\\\{rest}"}},
               "ClientRateLimit", %1$s]}
            ]}}}}}}""".formatted(RETRY);

    private final BenchStack stack;
    private final Settings settings;
    private final String runId;

    CircuitBreakerCost(BenchStack stack, Settings settings, String runId) {
        this.stack = stack;
        this.settings = settings;
        this.runId = runId;
    }

    /** The stack's gateway against a second one without the breaker, both warm, in alternating rounds. */
    Map<String, Object> measure(BenchReport report) throws Exception {
        BenchStack.Twin withoutBreaker;
        try {
            withoutBreaker = stack.twin(Component.API_GATEWAY, Map.of("SPRING_APPLICATION_JSON", ROUTES_WITHOUT_BREAKER));
        } catch (IllegalStateException | IOException e) { // the rest of the run still has something to measure
            report.row("Circuit breaker", "on/off", "not measured: " + e.getMessage());
            return Map.of("notMeasured", String.valueOf(e.getMessage()));
        }
        try (withoutBreaker) {
            GatewayOverhead load = new GatewayOverhead(settings, runId + "-cb");
            Shop without = new Shop(withoutBreaker.url() + "/api/orders");
            load.warmUp(without, settings.gatewayRounds()); // the stack's gateway has served the whole run
            return load.compare(report, "Circuit breaker", "without breaker", without,
                    "with breaker", new Shop(stack.gatewayUrl() + "/api/orders"), false);
        }
    }
}
