package dev.orderflow.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Prepares the database the services share as production does: database {@code orderflow}, then
 * {@code platform/database/service-schemas.sql} run by the superuser (each service's role and schema). Both steps are
 * idempotent and run at every start.
 */
final class DatabaseSetup {

    static final String DATABASE = "orderflow";
    private static final String SCHEMAS_SCRIPT = "/orderflow/database/service-schemas.sql";

    private DatabaseSetup() {
    }

    static void prepare(int port) {
        try (Connection admin = connect(port, "postgres")) {
            if (!exists(admin)) {
                try (Statement statement = admin.createStatement()) {
                    statement.execute("CREATE DATABASE " + DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new StackException("could not create database " + DATABASE + ": " + e.getMessage(), e);
        }
        try (Connection admin = connect(port, DATABASE); Statement statement = admin.createStatement()) {
            statement.execute(schemasScript());
        } catch (SQLException e) {
            throw new StackException("platform/database/service-schemas.sql failed: " + e.getMessage(), e);
        }
    }

    /** The JDBC URL a service uses: the shared database with its own schema as the current one. */
    /** The shared database on this machine; its superuser {@code postgres} is trusted from here. */
    static String url(int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    static String serviceUrl(int port, String schema) {
        return url(port) + "?currentSchema=" + schema;
    }

    static Connection connect(int port, String database) throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("socketTimeout", "30");
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database, properties);
    }

    private static boolean exists(Connection admin) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, DATABASE);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    private static String schemasScript() {
        try (InputStream in = DatabaseSetup.class.getResourceAsStream(SCHEMAS_SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMAS_SCRIPT + " is missing from the launcher");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
