package dev.orderflow.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Latencies in microseconds (up to a minute, 3 significant digits) and the count of failed requests. */
public final class LatencyRecorder {

    private final Histogram histogram = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
    private final AtomicLong errors = new AtomicLong();

    public void record(long nanos) {
        histogram.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(nanos), histogram.getHighestTrackableValue()));
    }

    public void error() {
        errors.incrementAndGet();
    }

    public long count() {
        return histogram.getTotalCount();
    }

    public long errors() {
        return errors.get();
    }

    public Duration percentile(double percentile) {
        return Duration.ofNanos(TimeUnit.MICROSECONDS.toNanos(histogram.getValueAtPercentile(percentile)));
    }

    public Duration max() {
        return Duration.ofNanos(TimeUnit.MICROSECONDS.toNanos(histogram.getMaxValue()));
    }
}
