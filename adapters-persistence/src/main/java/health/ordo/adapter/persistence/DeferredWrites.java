package health.ordo.adapter.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Write-only statements of a unit of work that nothing reads back before it ends (outbox events, audit entries, SLA
 * timer plans), held until the unit's end and then sent to PostgreSQL in one round trip together with its
 * {@code COMMIT}: pgjdbc sends every statement of a multi-statement query before a single Sync, and PostgreSQL runs
 * them in order in the same transaction, so a failing insert still fails the whole unit, as it would have at its call
 * site. Used by {@code JdbcTransactionAdapter}, which opens the buffer for the outermost unit of work on a thread and
 * flushes it at its end; outside a unit of work a write runs at once.
 *
 * <p>Only for statements whose effects no later statement of the same unit reads: a deferred write is invisible until
 * the flush. A long unit (bulk changes) is flushed without its commit whenever {@link #MAX_PARAMETERS} are pending.
 */
public final class DeferredWrites {

    /** Pending parameters above which the buffer is sent at once, without the commit (bulk units of work). */
    static final int MAX_PARAMETERS = 4_000;

    private static final ThreadLocal<DeferredWrites> OPEN = new ThreadLocal<>();

    private record Write(String sql, Object[] params) {
    }

    private final Connection connection;
    private final List<Write> pending = new ArrayList<>();
    private int parameters;

    private DeferredWrites(Connection connection) {
        this.connection = connection;
    }

    /** Opens the buffer of the unit of work starting on this thread, on its transaction's connection. */
    public static void open(Connection connection) {
        if (OPEN.get() != null) {
            throw new IllegalStateException("a unit of work is already open on this thread");
        }
        OPEN.set(new DeferredWrites(connection));
    }

    /** Drops the buffer of this thread's unit of work (after its flush, or when it failed: nothing is sent). */
    public static void discard() {
        OPEN.remove();
    }

    /**
     * Sends the pending writes of this thread's unit of work in one round trip, followed by {@code COMMIT} when
     * {@code commit} is true and there is anything to send; answers whether the commit was sent (the transaction
     * manager's own commit then finds no open transaction and sends nothing).
     */
    public static boolean flush(boolean commit) throws SQLException {
        DeferredWrites writes = OPEN.get();
        return writes != null && writes.send(commit);
    }

    /**
     * Holds {@code sql} with {@code params} (bound as by {@link Sql#bind}) for the end of the current unit of work;
     * answers false, holding nothing, when no unit of work is open on this thread.
     */
    static boolean add(String sql, Object... params) {
        DeferredWrites writes = OPEN.get();
        if (writes == null) {
            return false;
        }
        writes.pending.add(new Write(sql, params.clone()));
        writes.parameters += params.length;
        if (writes.parameters >= MAX_PARAMETERS) {
            try {
                writes.send(false);
            } catch (SQLException e) {
                throw new IllegalStateException("deferred writes failed: " + e.getMessage(), e);
            }
        }
        return true;
    }

    private boolean send(boolean commit) throws SQLException {
        if (pending.isEmpty()) {
            return false;
        }
        StringBuilder sql = new StringBuilder();
        for (Write write : pending) {
            sql.append(write.sql()).append(";\n");
        }
        if (commit) {
            sql.append("commit");
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int position = 0;
            for (Write write : pending) {
                Sql.bindFrom(statement, position, write.params());
                position += write.params().length;
            }
            statement.execute();
            // walk every result so that a failure of any statement in the round trip surfaces here
            while (statement.getMoreResults() || statement.getUpdateCount() != -1) {
                // next result
            }
        }
        pending.clear();
        parameters = 0;
        return commit;
    }
}
