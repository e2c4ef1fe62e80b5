package dev.orderflow.order.web;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.orderflow.order.application.OrderCancellation;
import dev.orderflow.order.application.OrderPlacement;
import dev.orderflow.order.domain.OrderSearch;
import dev.orderflow.order.domain.OrderStatus;
import dev.orderflow.order.domain.Orders;

@RestController
@RequestMapping("/orders")
@Validated
class OrderController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final OrderPlacement placement;
    private final OrderCancellation cancellation;
    private final Orders orders;

    OrderController(OrderPlacement placement, OrderCancellation cancellation, Orders orders) {
        this.placement = placement;
        this.cancellation = cancellation;
        this.orders = orders;
    }

    /** Places an order (PENDING); a repeat with the same Idempotency-Key returns the first result. */
    @PostMapping
    ResponseEntity<OrderResponse> place(@Valid @RequestBody PlaceOrderRequest request,
                                        @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                                        @Size(min = 1, max = 128) String idempotencyKey) {
        OrderPlacement.Result result = placement.place(request.toCommand(), Optional.ofNullable(idempotencyKey));
        return ResponseEntity.created(URI.create("/orders/" + result.order().id()))
                .header(REPLAYED, Boolean.toString(!result.created()))
                .body(OrderResponse.of(result.order()));
    }

    @GetMapping("/{id}")
    OrderResponse get(@PathVariable UUID id) {
        return OrderResponse.of(orders.get(id));
    }

    @GetMapping
    PageResponse<OrderResponse> list(@RequestParam(required = false) @Size(max = 64)
                                     @Pattern(regexp = PlaceOrderRequest.TEXT) String customerId,
                                     @RequestParam(required = false) OrderStatus status,
                                     @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                     @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return PageResponse.of(orders.search(new OrderSearch(customerId, status, page, size)).map(OrderResponse::of));
    }

    /** The customer cancels: the order becomes CANCELLED and the delivery is cancelled in turn. */
    @PostMapping("/{id}/cancel")
    OrderResponse cancel(@PathVariable UUID id) {
        return OrderResponse.of(cancellation.cancel(id));
    }
}
