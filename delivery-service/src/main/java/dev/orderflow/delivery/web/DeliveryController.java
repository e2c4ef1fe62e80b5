package dev.orderflow.delivery.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.orderflow.delivery.domain.Deliveries;
import dev.orderflow.delivery.domain.DeliveryNotFound;
import dev.orderflow.delivery.domain.DeliveryStatus;

/** Read-only: deliveries change only through the saga's events. */
@RestController
@RequestMapping("/deliveries")
@Validated
class DeliveryController {

    private final Deliveries deliveries;

    DeliveryController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping("/{id}")
    DeliveryResponse get(@PathVariable UUID id) {
        return deliveries.find(id).map(DeliveryResponse::of).orElseThrow(() -> new DeliveryNotFound(id));
    }

    /** With {@code orderId}: that order's delivery (none or one); without: all, newest first. */
    @GetMapping
    PageResponse<DeliveryResponse> list(@RequestParam(required = false) UUID orderId,
                                        @RequestParam(required = false) DeliveryStatus status,
                                        @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                        @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        if (orderId != null) {
            List<DeliveryResponse> found = deliveries.findByOrder(orderId)
                    .filter(delivery -> status == null || delivery.status() == status)
                    .map(DeliveryResponse::of).stream().toList();
            return PageResponse.of(page == 0 ? found : List.of(), page, size, found.size());
        }
        return PageResponse.of(deliveries.list(status, page, size).stream().map(DeliveryResponse::of).toList(),
                page, size, deliveries.count(status));
    }
}
