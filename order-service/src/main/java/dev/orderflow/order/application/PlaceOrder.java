package dev.orderflow.order.application;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import dev.orderflow.order.domain.DeliveryAddress;
import dev.orderflow.order.domain.OrderLine;

/**
 * A customer's request to place an order. {@code customerId} is the customer the request names, null when it names
 * none; {@link OrderPlacement} places the order for the caller ({@link OrderAccessPolicy#customerOfNewOrder}).
 */
public record PlaceOrder(String customerId, List<OrderLine> lines, DeliveryAddress address) {

    /** The same order, for this customer. */
    public PlaceOrder forCustomer(String customer) {
        return new PlaceOrder(customer, lines, address);
    }

    /**
     * A digest of everything the request says, so a repeat under the same Idempotency-Key can be told from a
     * different request; amounts are normalised (12.5 and 12.50 are the same price).
     */
    public String fingerprint() {
        StringBuilder canonical = new StringBuilder(customerId).append('\n');
        for (OrderLine line : lines) {
            canonical.append(line.productId()).append('|').append(line.quantity()).append('|')
                    .append(normalised(line.unitPrice())).append('\n');
        }
        canonical.append(address.street()).append('|').append(address.city()).append('|')
                .append(address.postalCode()).append('|').append(address.country());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.toString()
                    .getBytes(UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String normalised(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}
