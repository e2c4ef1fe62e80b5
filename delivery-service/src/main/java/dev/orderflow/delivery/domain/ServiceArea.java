package dev.orderflow.delivery.domain;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The countries (ISO 3166-1 alpha-2) the delivery service delivers to. */
public record ServiceArea(Set<String> countries) {

    public ServiceArea {
        countries = countries.stream().map(code -> code.trim().toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean covers(String country) {
        return country != null && countries.contains(country.toUpperCase(Locale.ROOT));
    }
}
