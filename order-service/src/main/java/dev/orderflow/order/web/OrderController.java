package dev.orderflow.order.web;

import static dev.orderflow.webproblems.ApiDocumentation.ALLOWED_ROLES;

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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import dev.orderflow.order.application.Caller;
import dev.orderflow.order.application.OrderCancellation;
import dev.orderflow.order.application.OrderPlacement;
import dev.orderflow.order.application.OrderQueries;
import dev.orderflow.order.domain.OrderSearch;
import dev.orderflow.order.domain.OrderStatus;

/**
 * The orders API. Who may call what is {@code OrderAccessPolicy}'s; the documentation of each operation says it
 * again for clients, with every error it can answer (401, 403 and 503, which every operation can, are added by
 * OpenApiDocument).
 */
@RestController
@RequestMapping("/orders")
@Validated
class OrderController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final OrderPlacement placement;
    private final OrderCancellation cancellation;
    private final OrderQueries queries;

    OrderController(OrderPlacement placement, OrderCancellation cancellation, OrderQueries queries) {
        this.placement = placement;
        this.cancellation = cancellation;
        this.queries = queries;
    }

    @Operation(summary = "Place an order for the caller", description = """
            Role **customer**. The order is the caller's: its `customerId` is the subject of the access token. \
            The body may leave `customerId` out; a body that names another customer is refused with 403 and \
            nothing is written. A repeat with the same `Idempotency-Key` (each caller's keys are their own) and \
            the same body returns the first order with `Idempotent-Replayed: true`; with another body it is \
            refused with 422. A body over 64 KB is refused with 413.""",
            extensions = @Extension(properties = @ExtensionProperty(name = ALLOWED_ROLES, value = "[\"customer\"]",
                    parseValue = true)))
    @ApiResponse(responseCode = "201", description = "The order, PENDING; Location names it")
    @ApiResponse(responseCode = "400", ref = "BadRequest")
    @ApiResponse(responseCode = "413", ref = "ContentTooLarge")
    @ApiResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @ApiResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    @PostMapping
    ResponseEntity<OrderResponse> place(Caller caller, @Valid @RequestBody PlaceOrderRequest request,
                                        @Parameter(description = "Makes a retry safe: the same key and body "
                                                + "return the first order, for 24 hours")
                                        @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                                        @Size(min = 1, max = 128) String idempotencyKey) {
        OrderPlacement.Result result = placement.place(caller, request.toCommand(), Optional.ofNullable(idempotencyKey));
        return ResponseEntity.created(URI.create("/orders/" + result.order().id()))
                .header(REPLAYED, Boolean.toString(!result.created()))
                .body(OrderResponse.of(result.order()));
    }

    @Operation(summary = "An order with its saga history", description = """
            Role **customer** for their own orders, **operator** for every order. Another customer's order is \
            answered with 404, exactly like an id that does not exist.""",
            extensions = @Extension(properties = @ExtensionProperty(name = ALLOWED_ROLES,
                    value = "[\"customer\", \"operator\"]", parseValue = true)))
    @ApiResponse(responseCode = "200", description = "The order")
    @ApiResponse(responseCode = "400", ref = "BadRequest")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping("/{id}")
    OrderResponse get(Caller caller, @PathVariable UUID id) {
        return OrderResponse.of(queries.order(caller, id));
    }

    @Operation(summary = "Orders, newest first, page by page", description = """
            Role **customer**: their own orders only; `customerId` may be left out or be their own, another \
            customer's is refused with 403. Role **operator**: every order, filtered by `customerId` and \
            `status` when given.""",
            extensions = @Extension(properties = @ExtensionProperty(name = ALLOWED_ROLES,
                    value = "[\"customer\", \"operator\"]", parseValue = true)))
    @ApiResponse(responseCode = "200", description = "One page of orders")
    @ApiResponse(responseCode = "400", ref = "BadRequest")
    @GetMapping
    PageResponse<OrderResponse> list(Caller caller,
                                     @RequestParam(required = false) @Size(max = 64)
                                     @Pattern(regexp = PlaceOrderRequest.TEXT) String customerId,
                                     @RequestParam(required = false) OrderStatus status,
                                     @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                     @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return PageResponse.of(queries.search(caller, new OrderSearch(customerId, status, page, size))
                .map(OrderResponse::of));
    }

    @Operation(summary = "Cancel an order", description = """
            Role **customer** for their own orders, **operator** for every order; another customer's order is \
            answered with 404, like an unknown id. The order becomes CANCELLED and its delivery is cancelled in \
            turn. The reason is CUSTOMER_REQUEST when the order's customer cancels, OPERATOR_REQUEST when an \
            operator cancels somebody else's order. An order already cancelled is refused with 409.""",
            extensions = @Extension(properties = @ExtensionProperty(name = ALLOWED_ROLES,
                    value = "[\"customer\", \"operator\"]", parseValue = true)))
    @ApiResponse(responseCode = "200", description = "The order, CANCELLED")
    @ApiResponse(responseCode = "400", ref = "BadRequest")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @PostMapping("/{id}/cancel")
    OrderResponse cancel(Caller caller, @PathVariable UUID id) {
        return OrderResponse.of(cancellation.cancel(caller, id));
    }
}
