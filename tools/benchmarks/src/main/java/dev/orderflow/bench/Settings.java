package dev.orderflow.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.orderflow.stack.StackSettings;

/**
 * Durations and rates of one run: the full run (under 10 minutes), {@code --quick} (under 2), or the smoke run
 * that checks the benchmark itself in CI (every measurement once, a few seconds each, at low rates).
 */
record Settings(String mode, Duration warmUp, double warmUpRateScale, List<Double> rateSteps,
                int ladderRefinements, Duration step, Duration drain, Duration consistencyRun,
                List<Integer> anchorClients, Duration anchorEach, int gatewayClients, Duration gatewayRun,
                int gatewayRounds, Duration recoveryBefore, Duration recoveryOutage, Duration recoveryAfter,
                Duration cacheTraining) {

    static Settings fullRun() {
        return new Settings("full", Duration.ofSeconds(40), 1,
                List.of(40.0, 70.0, 100.0, 125.0, 150.0, 175.0, 200.0, 250.0, 300.0, 400.0), 1,
                Duration.ofSeconds(10), Duration.ofSeconds(8), Duration.ofSeconds(20), List.of(1, 2, 4, 8),
                // Five pairs of 3 s rounds for the gateway comparisons rather than three of 5 s: as long, and the
                // median of five paired ratios is steadier.
                Duration.ofSeconds(4), 8, Duration.ofSeconds(3), 5, Duration.ofSeconds(8), Duration.ofSeconds(10),
                Duration.ofSeconds(10), StackSettings.DEFAULT_CACHE_TRAINING);
    }

    static Settings quickRun() {
        // No refinement to save time, so the first rung is low; a machine that fails even that one gets it halved
        // (RateLadder), rather than "0 sagas/s" and no time to consistency at all. The anchor's best client count
        // on two cores is 2 or 4 (every full run), so 8 is left out.
        return new Settings("quick", Duration.ofSeconds(10), 1,
                List.of(25.0, 50.0, 100.0, 150.0, 200.0, 250.0, 300.0), 0, Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(5), List.of(2, 4), Duration.ofSeconds(2), 8, Duration.ofSeconds(2), 1,
                Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(3), StackSettings.DEFAULT_CACHE_TRAINING);
    }

    static Settings smokeRun() {
        // a fifth of the warm-up rates: the smoke's ladder starts at 10/s, on services just restarted
        return new Settings("smoke", Duration.ofSeconds(4), 0.2, List.of(10.0, 20.0), 0,
                Duration.ofSeconds(3), Duration.ofSeconds(8), Duration.ofSeconds(3), List.of(1, 2),
                Duration.ofSeconds(1), 2, Duration.ofSeconds(1), 1, Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(2), StackSettings.TEST_CACHE_TRAINING);
    }

    /** {@code --quick}: no restarts, no breaker comparison (two more gateways), no recovery. */
    boolean quick() {
        return mode.equals("quick");
    }

    Map<String, Object> describe() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("mode", mode);
        map.put("warmUp", warmUp.toString());
        map.put("warmUpRateScale", warmUpRateScale);
        map.put("rateSteps", rateSteps);
        map.put("ladderRefinements", ladderRefinements);
        map.put("stepDuration", step.toString());
        map.put("drainAllowed", drain.toString());
        map.put("consistencyRunDuration", consistencyRun.toString());
        map.put("anchorClients", anchorClients);
        map.put("anchorEach", anchorEach.toString());
        map.put("gatewayClients", gatewayClients);
        map.put("gatewayRun", gatewayRun.toString());
        map.put("gatewayRounds", gatewayRounds);
        map.put("recovery", "load " + recoveryBefore + " / outage " + recoveryOutage + " / after " + recoveryAfter);
        map.put("startupCacheTraining", cacheTraining.toString() + " of sagas (the launcher's training)");
        map.put("orderMix", "80% KR (serviceable), 20% BR (not served: compensated)");
        return map;
    }
}
