package dev.orderflow.events;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** An order was accepted and waits for a delivery decision: the first step of the saga. */
public record OrderPlaced(UUID orderId, String customerId, List<Item> items, BigDecimal totalAmount,
                          DeliveryAddress deliveryAddress) implements DomainEvent {

    public OrderPlaced {
        Require.present(orderId, "orderId");
        Require.text(customerId, "customerId");
        items = List.copyOf(Require.present(items, "items"));
        if (items.isEmpty()) {
            throw new IllegalArgumentException("items must not be empty");
        }
        Require.present(totalAmount, "totalAmount");
        Require.present(deliveryAddress, "deliveryAddress");
    }

    public record Item(String productId, int quantity, BigDecimal unitPrice) {
        public Item {
            Require.text(productId, "productId");
            if (quantity < 1) {
                throw new IllegalArgumentException("quantity must be at least 1");
            }
            Require.present(unitPrice, "unitPrice");
        }
    }

    /** {@code country} is an ISO 3166-1 alpha-2 code. */
    public record DeliveryAddress(String street, String city, String postalCode, String country) {
        public DeliveryAddress {
            Require.text(street, "street");
            Require.text(city, "city");
            Require.text(postalCode, "postalCode");
            if (!Require.text(country, "country").matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code");
            }
        }
    }
}
