package dev.orderflow.delivery.application;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.orderflow.delivery.domain.CourierAssignment;
import dev.orderflow.delivery.domain.ServiceArea;

/**
 * Where and how the service delivers ({@code orderflow.delivery.*}; e.g. ORDERFLOW_DELIVERY_SERVICE_AREA=KR,US).
 *
 * @param serviceArea  ISO 3166-1 alpha-2 codes of the countries served
 * @param couriers     the couriers orders are spread over
 * @param leadTimeDays days from the order to the estimated delivery
 */
@ConfigurationProperties("orderflow.delivery")
public record DeliveryPolicy(
        @DefaultValue({"KR", "US", "JP", "DE", "FR", "GB"}) Set<String> serviceArea,
        @DefaultValue({"Swift Parcel", "Blue Van", "Night Owl Express"}) List<String> couriers,
        @DefaultValue("2") int leadTimeDays) {

    public ServiceArea area() {
        return new ServiceArea(serviceArea);
    }

    public CourierAssignment courierAssignment() {
        return new CourierAssignment(couriers, leadTimeDays);
    }
}
