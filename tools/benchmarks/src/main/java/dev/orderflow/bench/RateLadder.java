package dev.orderflow.bench;

import java.util.List;

/**
 * Finds the highest rate a system sustains: up the ladder until a rate fails, then halfway between the highest
 * sustained rate and the lowest failed one (rounded to a whole rate, halves to even), a given number of times.
 * The ladder's rungs are 14-75% apart; on a machine slower than the one it was drawn for, the first failure alone
 * would understate the capacity by up to that much (run J: 40/s sustained, 70/s not).
 *
 * <p>When even the first rung fails, half of it is tried, and half of that, before anything else: "0 sagas/s"
 * says nothing about a system that works, and leaves no rate to measure time to consistency at (a quick run on
 * a busy laptop, its services a minute old: 25/s failed with one error of 124 at 23:54 UTC on 2026-12-05).
 */
final class RateLadder {

    static final int HALVINGS_BELOW_THE_FIRST_RUNG = 2;

    /** Runs the system at a rate and says whether it kept up. */
    @FunctionalInterface
    interface Trial {
        boolean sustains(double rate) throws Exception;
    }

    private RateLadder() {
    }

    /** The highest sustained rate (0 if none was), in whole sagas per second once refined. */
    static double highestSustained(List<Double> rungs, int refinements, Trial trial) throws Exception {
        double sustained = 0;
        double failed = Double.NaN;
        for (double rate : rungs) {
            if (!trial.sustains(rate)) {
                failed = rate;
                break;
            }
            sustained = rate;
        }
        for (int i = 0; i < HALVINGS_BELOW_THE_FIRST_RUNG && sustained == 0 && !Double.isNaN(failed); i++) {
            double half = Math.rint(failed / 2);
            if (half < 1) {
                break;
            }
            if (trial.sustains(half)) {
                sustained = half;
            } else {
                failed = half;
            }
        }
        for (int i = 0; i < refinements && !Double.isNaN(failed); i++) {
            double middle = Math.rint((sustained + failed) / 2);
            if (middle <= sustained || middle >= failed) {
                break;
            }
            if (trial.sustains(middle)) {
                sustained = middle;
            } else {
                failed = middle;
            }
        }
        return sustained;
    }
}
