package dev.orderflow.order.web;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.orderflow.order.application.PlaceOrder;
import dev.orderflow.order.domain.DeliveryAddress;
import dev.orderflow.order.domain.OrderLine;

/**
 * The body of {@code POST /orders}. Bounds keep one request from writing unbounded data; {@link #TEXT} keeps out
 * the NUL character, which PostgreSQL refuses in text columns.
 */
public record PlaceOrderRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String customerId,
        @NotEmpty @Size(max = 100) List<@Valid @NotNull Item> items,
        @NotNull @Valid Address deliveryAddress) {

    public record Item(
            @NotBlank @Size(max = 64) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String productId,
            @NotNull @Min(1) @Max(10_000) Integer quantity,
            @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal unitPrice) {
    }

    public record Address(
            @NotBlank @Size(max = 200) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String street,
            @NotBlank @Size(max = 100) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String city,
            @NotBlank @Size(max = 20) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String postalCode,
            @NotBlank @CountryCode String country) {
    }

    static final String TEXT = "[^\\u0000]*";
    static final String TEXT_MESSAGE = "must not contain the NUL character";

    PlaceOrder toCommand() {
        return new PlaceOrder(customerId,
                items.stream().map(item -> new OrderLine(item.productId(), item.quantity(), item.unitPrice())).toList(),
                new DeliveryAddress(deliveryAddress.street(), deliveryAddress.city(), deliveryAddress.postalCode(),
                        deliveryAddress.country()));
    }
}
