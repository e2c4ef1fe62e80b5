package dev.orderflow.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Durations and rates of one run: the full run (under 10 minutes) or {@code --quick} (under 2). */
record Settings(boolean quick, Duration warmUp, List<Double> rateSteps, Duration step, Duration drain,
                Duration consistencyRun, List<Integer> anchorClients, Duration anchorEach, int gatewayClients,
                Duration gatewayRun, int gatewayRounds, Duration recoveryBefore, Duration recoveryOutage,
                Duration recoveryAfter) {

    static Settings fullRun() {
        return new Settings(false, Duration.ofSeconds(40),
                List.of(40.0, 70.0, 100.0, 125.0, 150.0, 175.0, 200.0, 250.0, 300.0, 400.0),
                Duration.ofSeconds(10), Duration.ofSeconds(8), Duration.ofSeconds(20), List.of(1, 2, 4, 8),
                Duration.ofSeconds(4), 8, Duration.ofSeconds(5), 3, Duration.ofSeconds(8), Duration.ofSeconds(10),
                Duration.ofSeconds(10));
    }

    static Settings quickRun() {
        return new Settings(true, Duration.ofSeconds(12), List.of(50.0, 100.0, 150.0, 200.0, 250.0, 300.0),
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(8), List.of(2, 4, 8),
                Duration.ofSeconds(2), 8, Duration.ofSeconds(3), 1, Duration.ofSeconds(3), Duration.ofSeconds(10),
                Duration.ofSeconds(3));
    }

    Map<String, Object> describe() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("mode", quick ? "quick" : "full");
        map.put("warmUp", warmUp.toString());
        map.put("rateSteps", rateSteps);
        map.put("stepDuration", step.toString());
        map.put("drainAllowed", drain.toString());
        map.put("consistencyRunDuration", consistencyRun.toString());
        map.put("anchorClients", anchorClients);
        map.put("anchorEach", anchorEach.toString());
        map.put("gatewayClients", gatewayClients);
        map.put("gatewayRun", gatewayRun.toString());
        map.put("gatewayRounds", gatewayRounds);
        map.put("recovery", "load " + recoveryBefore + " / outage " + recoveryOutage + " / after " + recoveryAfter);
        map.put("orderMix", "80% KR (serviceable), 20% BR (not served: compensated)");
        return map;
    }
}
