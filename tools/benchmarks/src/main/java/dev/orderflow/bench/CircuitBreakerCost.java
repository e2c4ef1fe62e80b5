package dev.orderflow.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.orderflow.stack.Component;

/**
 * The gateway with its CircuitBreaker filter and without, in alternating restarts: the routes of
 * api-gateway's application.yml are replaced (SPRING_APPLICATION_JSON) by the same filter lists minus the
 * CircuitBreaker filter. The rest (StripPrefix, Location rewrite, rate limit, retry of idempotent requests)
 * stays.
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
    private final GatewayOverhead load;

    CircuitBreakerCost(BenchStack stack, Settings settings, String runId) {
        this.stack = stack;
        this.settings = settings;
        this.load = new GatewayOverhead(settings, runId + "-cb");
    }

    Map<String, Object> measure(BenchReport report, String runId) throws Exception {
        Shop shop = new Shop(stack.gatewayUrl() + "/api/orders");
        List<UUID> known = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            shop.place(runId + "-cb", i).ifPresent(known::add);
        }
        List<Double> on = new ArrayList<>();
        List<Double> off = new ArrayList<>();
        List<Double> onP99 = new ArrayList<>();
        List<Double> offP99 = new ArrayList<>();
        int rounds = Math.max(1, settings.gatewayRounds() - 1);
        for (int i = 0; i < rounds; i++) {
            withBreaker(false);
            load.round(shop, known); // warm-up after the restart
            GatewayOverhead.PathResult[] without = load.round(shop, known);
            off.add(without[0].medianPerSecond());
            offP99.add(without[0].p99Ms().getFirst());
            withBreaker(true);
            load.round(shop, known);
            GatewayOverhead.PathResult[] with = load.round(shop, known);
            on.add(with[0].medianPerSecond());
            onP99.add(with[0].p99Ms().getFirst());
        }
        double ratio = GatewayOverhead.median(on) / GatewayOverhead.median(off);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("postPerSecondWithBreaker", on);
        result.put("postPerSecondWithout", off);
        result.put("postP99MsWithBreaker", onP99);
        result.put("postP99MsWithout", offP99);
        result.put("throughputRatio", ratio);
        report.detail("circuitBreaker", result);
        System.out.println("circuit breaker: " + result);
        report.row("Gateway", "circuit breaker on/off, POST /api/orders, " + settings.gatewayClients() + " clients",
                "%.3f (%.0f vs %.0f req/s; p99 %.1f vs %.1f ms)".formatted(ratio, GatewayOverhead.median(on),
                        GatewayOverhead.median(off), GatewayOverhead.median(onP99), GatewayOverhead.median(offP99)),
                ">= 0.97", ratio >= 0.97);
        return result;
    }

    private void withBreaker(boolean breaker) {
        Map<String, String> changes = new HashMap<>();
        changes.put("SPRING_APPLICATION_JSON", breaker ? null : ROUTES_WITHOUT_BREAKER);
        stack.restart(Component.API_GATEWAY, changes);
    }
}
