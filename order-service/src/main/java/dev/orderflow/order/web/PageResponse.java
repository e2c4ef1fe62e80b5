package dev.orderflow.order.web;

import java.util.List;

import dev.orderflow.order.domain.ResultPage;

public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    static <T> PageResponse<T> of(ResultPage<T> page) {
        return new PageResponse<>(page.items(), page.page(), page.size(), page.totalItems(), page.totalPages());
    }
}
