package dev.orderflow.testinfra;

/** A running PostgreSQL server and the superuser that prepares it. */
public interface PostgresServer {

    /** JDBC URL of the database the services share (each in its own schema). */
    String jdbcUrl();

    String adminUser();

    String adminPassword();
}
