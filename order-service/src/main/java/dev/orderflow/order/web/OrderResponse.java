package dev.orderflow.order.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.OrderStatus;
import dev.orderflow.order.domain.SagaStep;

/** An order as the API shows it, with its saga timeline. */
public record OrderResponse(
        UUID id,
        String customerId,
        OrderStatus status,
        String cancellationReason,
        UUID deliveryId,
        List<Item> items,
        BigDecimal totalAmount,
        Address deliveryAddress,
        Instant createdAt,
        Instant updatedAt,
        List<HistoryEntry> history) {

    // Named apart from PlaceOrderRequest's Item and Address: the document would otherwise show one for both.
    @Schema(name = "OrderItem")
    public record Item(String productId, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
    }

    @Schema(name = "OrderAddress")
    public record Address(String street, String city, String postalCode, String country) {
    }

    public record HistoryEntry(Instant at, SagaStep step, OrderStatus status, String reason) {
    }

    static OrderResponse of(Order order) {
        return new OrderResponse(
                order.id(),
                order.customerId(),
                order.status(),
                order.cancellationReason().orElse(null),
                order.deliveryId().orElse(null),
                order.lines().stream()
                        .map(line -> new Item(line.productId(), line.quantity(), line.unitPrice(), line.lineTotal()))
                        .toList(),
                order.totalAmount(),
                new Address(order.deliveryAddress().street(), order.deliveryAddress().city(),
                        order.deliveryAddress().postalCode(), order.deliveryAddress().country()),
                order.createdAt(),
                order.updatedAt(),
                order.history().stream()
                        .map(entry -> new HistoryEntry(entry.at(), entry.step(), entry.status(), entry.reason()))
                        .toList());
    }
}
