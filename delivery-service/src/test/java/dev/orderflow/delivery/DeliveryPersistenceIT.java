package dev.orderflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import dev.orderflow.delivery.application.DeliveryPolicy;
import dev.orderflow.delivery.domain.Deliveries;
import dev.orderflow.delivery.domain.Delivery;
import dev.orderflow.testinfra.ServiceDatabase;
import dev.orderflow.testinfra.SqlStatements;
import dev.orderflow.testinfra.TestInfrastructure;

/**
 * What storing a delivery costs the database: the statements the repository has Hibernate send; and what the
 * schema itself refuses.
 */
class DeliveryPersistenceIT extends DeliveryServiceIntegrationTest {

    @Autowired
    Deliveries deliveries;

    @Autowired
    DeliveryPolicy policy;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aNewDeliveryIsStoredWithOneInsertNeitherReadFirstNorUpdatedAfter() {
        Delivery delivery = Delivery.decide(UUID.randomUUID(), CUSTOMER, "KR", policy.area(),
                policy.courierAssignment(), Clock.systemUTC()).delivery();

        List<String> sql = SqlStatements.of(() -> transaction.executeWithoutResult(status -> deliveries.add(delivery)));

        assertThat(sql).singleElement().satisfies(statement -> assertThat(statement).startsWithIgnoringCase("insert"));
        assertThat(deliveries.find(delivery.id())).isPresent();
    }

    @Test
    void onlyACancelledDeliveryMayLackItsCustomer() throws SQLException {
        try (Connection connection = TestInfrastructure.connect(ServiceDatabase.DELIVERY);
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false); // rolled back: the test leaves no rows behind
            String insert = "INSERT INTO delivery (id, order_id, status, created_at, updated_at, version) "
                    + "VALUES (gen_random_uuid(), gen_random_uuid(), '%s', now(), now(), 0)";

            statement.execute(insert.formatted("CANCELLED"));
            assertThatThrownBy(() -> statement.execute(insert.formatted("SCHEDULED")))
                    .hasMessageContaining("delivery_customer_known");
            connection.rollback();
        }
    }
}
