package dev.orderflow.stack;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SagaLogTest {

    private static final String ORDER = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    private static final String DELIVERY = "0b6a3f2e-9d41-4c8a-b7e5-2f1d9c3a8e64";

    @Test
    void describesEachOutcomeOfTheSagaInOneLine() {
        assertThat(SagaLog.describe(event("OrderConfirmed", "{\"orderId\":\"" + ORDER + "\",\"deliveryId\":\"" + DELIVERY + "\"}")))
                .hasValue("order 7c9e6679 CONFIRMED, delivery 0b6a3f2e scheduled");
        assertThat(SagaLog.describe(event("OrderCancelled", "{\"orderId\":\"" + ORDER + "\",\"reason\":\"ADDRESS_NOT_SERVICEABLE\"}")))
                .hasValue("order 7c9e6679 CANCELLED (ADDRESS_NOT_SERVICEABLE)");
        assertThat(SagaLog.describe(event("DeliveryCancelled", "{\"orderId\":\"" + ORDER + "\",\"deliveryId\":\"" + DELIVERY + "\"}")))
                .hasValue("order 7c9e6679: delivery 0b6a3f2e CANCELLED in turn");
    }

    @Test
    void staysQuietAboutIntermediateStepsAndRecordsItCannotRead() {
        assertThat(SagaLog.describe(event("OrderPlaced", "{\"orderId\":\"" + ORDER + "\"}"))).isEmpty();
        assertThat(SagaLog.describe(event("OrderConfirmed", "not json"))).isEmpty();
        assertThat(SagaLog.describe(new ConsumerRecord<>("orders.events", 0, 0, ORDER, "{}"))).isEmpty();
    }

    private static ConsumerRecord<String, String> event(String type, String payload) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("orders.events", 0, 0, ORDER, payload);
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
