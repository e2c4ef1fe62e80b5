package dev.orderflow.gateway.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class UnsafePathFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/orders/..", "/api/orders/../x", "/../api", "/api/./orders", "/api/%2E%2e/x",
            "/api/orders%2Factuator", "/api/orders%5c..", "/api/orders;jsessionid=1", "/api/%252e%252e", "/a\\b"})
    void refusesDotSegmentsAndEncodedSeparators(String rawPath) {
        assertThat(UnsafePathFilter.isUnsafe(rawPath)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/orders", "/api/orders/", "/api/orders/42", "/api/orders/..42", "/api/orders/v1.2",
            "/api/deliveries/a.b.c/x", "/api/orders/%20x", "/"})
    void acceptsOrdinaryPaths(String rawPath) {
        assertThat(UnsafePathFilter.isUnsafe(rawPath)).isFalse();
    }
}
