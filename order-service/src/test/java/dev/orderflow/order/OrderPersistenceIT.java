package dev.orderflow.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import dev.orderflow.order.domain.DeliveryAddress;
import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.OrderLine;
import dev.orderflow.order.domain.Orders;
import dev.orderflow.testinfra.SqlStatements;

/** What storing an order costs the database: the statements the repository has Hibernate send. */
class OrderPersistenceIT extends OrderServiceIntegrationTest {

    @Autowired
    Orders orders;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aNewOrderIsStoredWithInsertsAloneNeitherReadFirstNorUpdatedAfter() {
        Order order = Order.place(UUID.randomUUID(), "c-sql", List.of(new OrderLine("p-1", 2, new BigDecimal("12.50"))),
                new DeliveryAddress("1 Main St", "Seoul", "04524", "KR"), clock.instant()).order();

        List<String> sql = SqlStatements.of(() -> transaction.executeWithoutResult(status -> orders.add(order)));

        assertThat(sql).hasSize(3).allSatisfy(statement -> assertThat(statement).startsWithIgnoringCase("insert"));
        assertThat(orders.find(order.id())).isPresent();
    }
}
