package dev.orderflow.testinfra;

/** A PostgreSQL server whose address and superuser are known once it runs (a container, an external server). */
record FixedPostgresServer(String jdbcUrl, String adminUser, String adminPassword) implements PostgresServer {
}
