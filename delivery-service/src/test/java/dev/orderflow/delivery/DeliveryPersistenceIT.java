package dev.orderflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import dev.orderflow.delivery.application.DeliveryPolicy;
import dev.orderflow.delivery.domain.Deliveries;
import dev.orderflow.delivery.domain.Delivery;
import dev.orderflow.testinfra.SqlStatements;

/** What storing a delivery costs the database: the statements the repository has Hibernate send. */
class DeliveryPersistenceIT extends DeliveryServiceIntegrationTest {

    @Autowired
    Deliveries deliveries;

    @Autowired
    DeliveryPolicy policy;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aNewDeliveryIsStoredWithOneInsertNeitherReadFirstNorUpdatedAfter() {
        Delivery delivery = Delivery.decide(UUID.randomUUID(), "KR", policy.area(), policy.courierAssignment(),
                Clock.systemUTC()).delivery();

        List<String> sql = SqlStatements.of(() -> transaction.executeWithoutResult(status -> deliveries.add(delivery)));

        assertThat(sql).singleElement().satisfies(statement -> assertThat(statement).startsWithIgnoringCase("insert"));
        assertThat(deliveries.find(delivery.id())).isPresent();
    }
}
