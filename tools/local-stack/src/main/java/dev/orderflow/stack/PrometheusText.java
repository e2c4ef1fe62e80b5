package dev.orderflow.stack;

import java.util.OptionalDouble;
import java.util.stream.DoubleStream;

/** Samples of one metric in a Prometheus text exposition ({@code /actuator/prometheus}), over all its labels. */
final class PrometheusText {

    private final String text;

    PrometheusText(String text) {
        this.text = text;
    }

    /** The sum of the metric's samples; empty when the metric is not exposed. */
    OptionalDouble sum(String metric) {
        double[] values = samples(metric).toArray();
        return values.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(DoubleStream.of(values).sum());
    }

    /** The largest of the metric's samples; empty when none is a number (Kafka reports NaN before assignment). */
    OptionalDouble max(String metric) {
        return samples(metric).max();
    }

    private DoubleStream samples(String metric) {
        return text.lines()
                .filter(line -> line.startsWith(metric) && line.length() > metric.length()
                        && (line.charAt(metric.length()) == '{' || line.charAt(metric.length()) == ' '))
                .mapToDouble(PrometheusText::value)
                .filter(Double::isFinite);
    }

    /** The value follows the labels (which may contain spaces in quotes): the token after the last '}' or the name. */
    private static double value(String line) {
        int labelsEnd = line.lastIndexOf('}');
        String rest = line.substring(labelsEnd >= 0 ? labelsEnd + 1 : line.indexOf(' ')).trim();
        int space = rest.indexOf(' '); // an optional timestamp follows
        try {
            return Double.parseDouble(space >= 0 ? rest.substring(0, space) : rest);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
