package dev.orderflow.delivery.web;

import static dev.orderflow.webproblems.ApiDocumentation.ALLOWED_ROLES;

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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import dev.orderflow.delivery.application.Caller;
import dev.orderflow.delivery.application.DeliveryQueries;
import dev.orderflow.delivery.domain.DeliverySearch;
import dev.orderflow.delivery.domain.DeliveryStatus;

/**
 * Read-only: deliveries change only through the saga's events. Who sees which is {@code DeliveryAccessPolicy}'s;
 * the documentation of each operation says it again for clients.
 */
@RestController
@RequestMapping("/deliveries")
@Validated
class DeliveryController {

    private final DeliveryQueries queries;

    DeliveryController(DeliveryQueries queries) {
        this.queries = queries;
    }

    @Operation(summary = "A delivery", description = """
            Role **customer** for the deliveries of their own orders, **operator** for every delivery. Another \
            customer's delivery is answered with 404, exactly like an id that does not exist.""",
            extensions = @Extension(properties = @ExtensionProperty(name = ALLOWED_ROLES,
                    value = "[\"customer\", \"operator\"]", parseValue = true)))
    @ApiResponse(responseCode = "200", description = "The delivery")
    @ApiResponse(responseCode = "400", ref = "BadRequest")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping("/{id}")
    DeliveryResponse get(Caller caller, @PathVariable UUID id) {
        return DeliveryResponse.of(queries.delivery(caller, id));
    }

    /** With {@code orderId}: that order's delivery (none or one); without: all the caller may see, newest first. */
    @Operation(summary = "Deliveries, newest first, page by page", description = """
            Role **customer**: the deliveries of their own orders only (with `orderId`, another customer's order \
            has none). Role **operator**: every delivery. With `orderId`, the order's delivery (none or one).""",
            extensions = @Extension(properties = @ExtensionProperty(name = ALLOWED_ROLES,
                    value = "[\"customer\", \"operator\"]", parseValue = true)))
    @ApiResponse(responseCode = "200", description = "One page of deliveries")
    @ApiResponse(responseCode = "400", ref = "BadRequest")
    @GetMapping
    PageResponse<DeliveryResponse> list(Caller caller,
                                        @RequestParam(required = false) UUID orderId,
                                        @RequestParam(required = false) DeliveryStatus status,
                                        @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                        @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        if (orderId != null) {
            List<DeliveryResponse> found = queries.deliveryOfOrder(caller, orderId)
                    .filter(delivery -> status == null || delivery.status() == status)
                    .map(DeliveryResponse::of).stream().toList();
            return PageResponse.of(page == 0 ? found : List.of(), page, size, found.size());
        }
        DeliveryQueries.Found found = queries.search(caller, new DeliverySearch(null, status, page, size));
        return PageResponse.of(found.deliveries().stream().map(DeliveryResponse::of).toList(), page, size,
                found.total());
    }
}
