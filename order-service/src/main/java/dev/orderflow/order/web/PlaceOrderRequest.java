package dev.orderflow.order.web;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.orderflow.order.application.PlaceOrder;
import dev.orderflow.order.domain.DeliveryAddress;
import dev.orderflow.order.domain.OrderLine;

/**
 * The body of {@code POST /orders}; its customer is the caller, whom the body need not name. Bounds keep one
 * request from writing unbounded data (each minimum is spelled out, so that the OpenAPI schema shows it too);
 * {@link #TEXT} keeps out the NUL character, which PostgreSQL refuses in text columns.
 */
public record PlaceOrderRequest(
        @Schema(description = "May be left out: the order is always the caller's (the token's subject). When "
                + "given it must be the caller's own customer id; another customer's is refused with 403.")
        @Size(min = 1, max = 64) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String customerId,
        @NotNull @Size(min = 1, max = 100) List<@Valid @NotNull Item> items,
        @NotNull @Valid Address deliveryAddress) {

    public record Item(
            @NotBlank @Size(min = 1, max = 64) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String productId,
            @NotNull @Min(1) @Max(10_000) Integer quantity,
            @Schema(description = "At most 10 digits before the point and 2 after it", maximum = "9999999999.99")
            @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal unitPrice) {
    }

    public record Address(
            @NotBlank @Size(min = 1, max = 200) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String street,
            @NotBlank @Size(min = 1, max = 100) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String city,
            @NotBlank @Size(min = 1, max = 20) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String postalCode,
            @Schema(description = "An ISO 3166-1 alpha-2 country code in upper case", example = "KR",
                    minLength = 2, maxLength = 2)
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
