package dev.orderflow.bench;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commit rate the hardware allows for one saga step ({@link CommitRateAnchor}, same PostgreSQL server,
 * same run), and the efficiency of the services against it: sustained sagas/s x local transactions per saga
 * divided by the best TPS.
 */
final class DatabaseAnchor {

    /**
     * The transactions of one saga that change state, each like the anchor's: order placed (order + outbox),
     * delivery decided (inbox + delivery + outbox), order confirmed or cancelled (inbox + order + outbox).
     * The relay's marking of sent rows and the inbox-only records of events a service ignores are not counted.
     */
    static final int LOCAL_TRANSACTIONS_PER_SAGA = 3;
    static final double EFFICIENCY_TARGET = 0.40;

    private final CommitRateAnchor anchor;
    private final Settings settings;

    DatabaseAnchor(String jdbcUrl, Settings settings) {
        this.anchor = new CommitRateAnchor(jdbcUrl, "postgres", "");
        this.settings = settings;
    }

    /** The best TPS over the client counts. */
    double measure(BenchReport report) throws Exception {
        List<CommitRateAnchor.Point> points = anchor.measure(settings.anchorClients(), settings.anchorEach());
        CommitRateAnchor.Point best = points.stream()
                .max(Comparator.comparingDouble(CommitRateAnchor.Point::transactionsPerSecond)).orElseThrow();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("points", points);
        result.put("bestClients", best.clients());
        result.put("bestTps", best.transactionsPerSecond());
        report.detail("databaseAnchor", result);
        System.out.println("database anchor: " + points);
        report.row("Database anchor", "saga-step transaction, best of clients " + settings.anchorClients(),
                "%.0f TPS at %d clients".formatted(best.transactionsPerSecond(), best.clients()));
        return best.transactionsPerSecond();
    }

    static double efficiency(double sagasPerSecond, double anchorTps) {
        return sagasPerSecond * LOCAL_TRANSACTIONS_PER_SAGA / anchorTps;
    }

    static void reportEfficiency(BenchReport report, double sagasPerSecond, double anchorTps) {
        double efficiency = efficiency(sagasPerSecond, anchorTps);
        report.detail("efficiency", efficiency);
        report.row("Database anchor", "efficiency = %.0f sagas/s x %d tx / %.0f TPS".formatted(sagasPerSecond,
                        LOCAL_TRANSACTIONS_PER_SAGA, anchorTps), "%.2f".formatted(efficiency), ">= 0.40",
                efficiency >= EFFICIENCY_TARGET);
    }
}
