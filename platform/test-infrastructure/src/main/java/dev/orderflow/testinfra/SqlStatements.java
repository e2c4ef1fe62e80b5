package dev.orderflow.testinfra;

import java.util.ArrayList;
import java.util.List;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * The SQL Hibernate sends on behalf of one piece of work, to check what a repository call costs the database.
 * Enabled in a test context with {@link #PROPERTY}; only the calling thread's statements are recorded, so the
 * service's background work (relay, consumers, monitors) does not mix in.
 */
public final class SqlStatements implements StatementInspector {

    /** The Spring property that installs the recorder into Hibernate. */
    public static final String PROPERTY = "spring.jpa.properties.hibernate.session_factory.statement_inspector="
            + "dev.orderflow.testinfra.SqlStatements";

    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    /** Runs the work on this thread and returns the statements Hibernate prepared for it, in order. */
    public static List<String> of(Runnable work) {
        RECORDING.set(new ArrayList<>());
        try {
            work.run();
            return List.copyOf(RECORDING.get());
        } finally {
            RECORDING.remove();
        }
    }

    @Override
    public String inspect(String sql) {
        List<String> recording = RECORDING.get();
        if (recording != null) {
            recording.add(sql);
        }
        return sql;
    }
}
