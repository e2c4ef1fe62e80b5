package dev.orderflow.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import dev.orderflow.bench.CommitRateAnchor.Point;
import dev.orderflow.testinfra.PostgresServer;
import dev.orderflow.testinfra.TestInfrastructure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The database anchor against a real PostgreSQL: a rate per client count, and no scratch schema left behind. */
class CommitRateAnchorIT {

    private final PostgresServer postgres = TestInfrastructure.postgres();

    @Test
    void measuresTheSagaStepTransactionAtEachClientCountAndDropsItsScratchSchema() throws Exception {
        CommitRateAnchor anchor = new CommitRateAnchor(postgres.jdbcUrl(), postgres.adminUser(), postgres.adminPassword());

        List<Point> points = anchor.measure(List.of(1, 2), Duration.ofMillis(500));

        assertThat(points).extracting(Point::clients).containsExactly(1, 2);
        assertThat(points).allSatisfy(point -> assertThat(point.transactionsPerSecond()).isGreaterThan(10));
        try (Connection admin = DriverManager.getConnection(postgres.jdbcUrl(), postgres.adminUser(), postgres.adminPassword());
             ResultSet schemas = admin.createStatement()
                     .executeQuery("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'bench'")) {
            schemas.next();
            assertThat(schemas.getInt(1)).isZero();
        }
    }
}
