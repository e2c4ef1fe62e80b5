package dev.orderflow.bench;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.orderflow.stack.Component;

/**
 * The gateway with its CircuitBreaker filter and without: two more gateways run beside the stack's own, one as
 * configured, the other with the routes of api-gateway's application.yml (replaced through SPRING_APPLICATION_JSON)
 * minus the CircuitBreaker filter. The rest (StripPrefix, Location rewrite, rate limit, retry of idempotent requests)
 * stays. Both are measured warm, in alternating rounds; restarting one gateway between the variants made the
 * comparison a comparison of two JIT warm-ups (0.87 to 1.05 across runs).
 *
 * <p>Both route orders to a {@link FixedCostOrderService}, not to order-service: behind order-service, its own
 * noise set the ratio (0.78 to 1.58 from one pair of rounds to the next in run Y). Behind a backend that costs
 * almost nothing the gateways set the pace, and the filter's share of a request is as large as it can be. Each
 * gateway's CPU per request is counted too: it measures that share directly, while the throughput ratio shows
 * only part of it (the load generator and the stand-in share the machine's cores with the gateways).
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

    private static final String MEASUREMENT = "Circuit breaker";
    /** The gateway's setting of its order-service route's URI. */
    private static final String ORDER_SERVICE_URL_VARIABLE = "ORDER_SERVICE_URL";

    private final BenchStack stack;
    private final Settings settings;
    private final BearerToken token;

    /** @param token the benchmark's: the gateways in front of the stand-in validate it as they would any other */
    CircuitBreakerCost(BenchStack stack, Settings settings, BearerToken token) {
        this.stack = stack;
        this.settings = settings;
        this.token = token;
    }

    /**
     * Two more gateways, started and warmed together, one with the routes as configured and one without the
     * breaker, compared in alternating rounds. Not the stack's own gateway against one new instance: it has served
     * the whole run, a history that alone could set the two apart.
     */
    void measure(BenchReport report) throws Exception {
        try (FixedCostOrderService backend = new FixedCostOrderService()) {
            Optional<Map<String, Object>> compared = compare(report, backend);
            if (compared.isPresent()) {
                Map<String, Object> result = new LinkedHashMap<>(compared.get());
                String answered = "FixedCostOrderService (answers at once), " + backend.answered() + " requests";
                report.row(MEASUREMENT, "backend", answered);
                result.put("backend", answered);
                report.detail(MEASUREMENT, result);
            }
        }
    }

    /** Empty when a gateway would not start (reported as "not measured"). */
    private Optional<Map<String, Object>> compare(BenchReport report, FixedCostOrderService backend)
            throws Exception {
        BenchStack.Twin withBreaker;
        BenchStack.Twin withoutBreaker;
        try {
            withBreaker = stack.twin(Component.API_GATEWAY, "with-breaker",
                    Map.of(ORDER_SERVICE_URL_VARIABLE, backend.url()));
        } catch (IllegalStateException | IOException e) {
            notMeasured(report, e);
            return Optional.empty();
        }
        try (withBreaker) {
            try {
                withoutBreaker = stack.twin(Component.API_GATEWAY, "without-breaker", Map.of(
                        ORDER_SERVICE_URL_VARIABLE, backend.url(), "SPRING_APPLICATION_JSON", ROUTES_WITHOUT_BREAKER));
            } catch (IllegalStateException | IOException e) {
                notMeasured(report, e);
                return Optional.empty();
            }
            try (withoutBreaker) {
                GatewayOverhead load = new GatewayOverhead(settings);
                GatewayOverhead.Side without = side("without breaker", withoutBreaker);
                GatewayOverhead.Side with = side("with breaker", withBreaker);
                load.warmUp(List.of(without, with), settings.gatewayRounds());
                return Optional.of(load.compare(report, MEASUREMENT, without, with, false));
            }
        }
    }

    /** A gateway that would not start: the rest of the run still has something to measure. */
    private static void notMeasured(BenchReport report, Exception e) {
        report.row(MEASUREMENT, "on/off", "not measured: " + e.getMessage());
        report.detail(MEASUREMENT, Map.of("notMeasured", String.valueOf(e.getMessage())));
    }

    private GatewayOverhead.Side side(String name, BenchStack.Twin gateway) {
        return new GatewayOverhead.Side(name, new Shop(gateway.url() + "/api/orders", token),
                Optional.of(gateway.pid()));
    }
}
