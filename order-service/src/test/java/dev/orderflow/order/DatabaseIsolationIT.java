package dev.orderflow.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import dev.orderflow.testinfra.ServiceDatabase;
import dev.orderflow.testinfra.TestInfrastructure;

/** Database per service, enforced by PostgreSQL: each role reaches its own schema and nothing else. */
class DatabaseIsolationIT extends OrderServiceIntegrationTest {

    @Test
    void orderServiceRoleOwnsItsSchema() throws SQLException {
        try (Connection orders = TestInfrastructure.connect(ServiceDatabase.ORDERS);
             Statement statement = orders.createStatement()) {
            assertThat(statement.executeQuery("SELECT count(*) FROM orders.customer_order").next()).isTrue();
        }
    }

    @Test
    void orderServiceRoleIsDeniedTheDeliverySchema() throws SQLException {
        try (Connection orders = TestInfrastructure.connect(ServiceDatabase.ORDERS);
             Statement statement = orders.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM delivery.delivery"))
                    .hasMessageContaining("permission denied for schema delivery");
            assertThatThrownBy(() -> statement.execute("CREATE TABLE delivery.intruder (id int)"))
                    .hasMessageContaining("permission denied for schema delivery");
            assertThatThrownBy(() -> statement.execute("CREATE TABLE public.intruder (id int)"))
                    .hasMessageContaining("permission denied for schema public");
        }
    }

    @Test
    void deliveryServiceRoleIsDeniedTheOrdersSchema() throws SQLException {
        try (Connection delivery = TestInfrastructure.connect(ServiceDatabase.DELIVERY);
             Statement statement = delivery.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM orders.customer_order"))
                    .hasMessageContaining("permission denied for schema orders");
        }
    }
}
