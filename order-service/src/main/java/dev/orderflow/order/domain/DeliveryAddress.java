package dev.orderflow.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Where the order goes; {@code country} is an ISO 3166-1 alpha-2 code. */
@Embeddable
public class DeliveryAddress {

    @Column(name = "street", nullable = false)
    private String street;

    @Column(name = "city", nullable = false)
    private String city;

    @Column(name = "postal_code", nullable = false)
    private String postalCode;

    @Column(name = "country", nullable = false, length = 2)
    private String country;

    protected DeliveryAddress() {
    }

    public DeliveryAddress(String street, String city, String postalCode, String country) {
        this.street = street;
        this.city = city;
        this.postalCode = postalCode;
        this.country = country;
    }

    public String street() {
        return street;
    }

    public String city() {
        return city;
    }

    public String postalCode() {
        return postalCode;
    }

    public String country() {
        return country;
    }
}
