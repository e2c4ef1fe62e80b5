package dev.orderflow.testinfra;

/** The schema and login role of each service, as created by {@code platform/database/service-schemas.sql}. */
public enum ServiceDatabase {
    ORDERS("orders", "order_service", "order_service"),
    DELIVERY("delivery", "delivery_service", "delivery_service");

    private final String schema;
    private final String role;
    private final String password;

    ServiceDatabase(String schema, String role, String password) {
        this.schema = schema;
        this.role = role;
        this.password = password;
    }

    public String schema() {
        return schema;
    }

    public String role() {
        return role;
    }

    public String password() {
        return password;
    }
}
