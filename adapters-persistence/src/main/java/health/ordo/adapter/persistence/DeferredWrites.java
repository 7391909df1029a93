package health.ordo.adapter.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Statements of a unit of work that need no answer of their own (the transaction's tenant setting, outbox events, audit
 * entries, SLA timer plans, a locked work item's new state), held back and sent to PostgreSQL in front of the unit's
 * next statement, or with its {@code COMMIT}, in the same round trip: pgjdbc sends every statement of a multi-statement
 * query before a single Sync, and PostgreSQL runs them in order in the same transaction. So every statement still sees
 * everything written before it (read-your-writes holds), a failing held statement fails the statement it travelled
 * with, hence the unit, as it would have at its call site, and a unit that fails sends nothing more.
 *
 * <p>{@code JdbcTransactionAdapter} opens the buffer for the outermost unit of work on a thread and flushes it at the
 * unit's end; statements reach the database through {@link Sql#prepare}, which puts the held statements in front.
 * Outside a unit of work a write runs at once. A long unit (bulk changes) sends its held writes, without the commit,
 * whenever {@link #MAX_PARAMETERS} are pending.
 */
public final class DeferredWrites {

    /** Pending parameters above which the buffer is sent at once, without the commit (bulk units of work). */
    static final int MAX_PARAMETERS = 4_000;

    private static final ThreadLocal<DeferredWrites> OPEN = new ThreadLocal<>();

    /** Turns a failure of a held statement into the error its caller would have raised; null when it is not its own. */
    @FunctionalInterface
    public interface Translator extends Function<SQLException, RuntimeException> {
    }

    /** Binds a held statement's parameters after position {@code offset}; answers the last position it bound. */
    @FunctionalInterface
    public interface Binder {
        int bind(PreparedStatement statement, int offset) throws SQLException;
    }

    /**
     * A held statement (or several, separated by {@code ";\n"}: a row and its history, each yielding a result);
     * {@code write} is false for the tenant setting, which alone needs no round trip at the end.
     */
    private record Write(String sql, Binder binder, int parameters, Translator translator, boolean write, int statements) {

        Write(String sql, Binder binder, int parameters, Translator translator, boolean write) {
            this(sql, binder, parameters, translator, write, sql.split(";\n", -1).length);
        }
    }

    /** Held statements taken for one round trip: SQL to put in front, their binders, how many results they yield. */
    record Batch(String sql, List<Binder> binders, int statements, List<Translator> translators, List<Write> writes) {

        int bind(PreparedStatement statement) throws SQLException {
            int position = 0;
            for (Binder binder : binders) {
                position = binder.bind(statement, position);
            }
            return position;
        }

        /** The failure as the held statement's caller would see it, else as it is. */
        SQLException translate(SQLException failure) {
            for (Translator translator : translators) {
                RuntimeException translated = translator.apply(failure);
                if (translated != null) {
                    throw translated;
                }
            }
            return failure;
        }
    }

    private final Connection connection;
    private final List<Write> pending = new ArrayList<>();
    private int parameters;
    private boolean writes;
    private boolean writable = true;

    private DeferredWrites(Connection connection) {
        this.connection = connection;
    }

    /**
     * Opens the buffer of the unit of work starting on this thread, on its transaction's connection, holding
     * {@code first} (with its parameters) to go in front of the unit's first statement.
     */
    public static void open(Connection connection, String first, Object... params) {
        if (OPEN.get() != null) {
            throw new IllegalStateException("a unit of work is already open on this thread");
        }
        DeferredWrites buffer = new DeferredWrites(connection);
        buffer.pending.add(new Write(first, values(params), params.length, null, false));
        OPEN.set(buffer);
    }

    /** Drops the buffer of this thread's unit of work (after its flush, or when it failed: nothing more is sent). */
    public static void discard() {
        OPEN.remove();
    }

    /**
     * At the end of this thread's unit of work: sends what is still held, followed by {@code COMMIT} when {@code commit}
     * is true, in one round trip. Nothing is sent when the unit wrote nothing (a held tenant setting alone needs no
     * round trip: no statement ran under it).
     */
    public static void flush(boolean commit) throws SQLException {
        DeferredWrites buffer = OPEN.get();
        if (buffer != null && buffer.writes) {
            buffer.send(commit);
        }
    }

    /**
     * Holds a write for the current unit of work; answers false, holding nothing, when no unit of work that writes is
     * open on this thread. {@code translator} may be null.
     */
    static boolean add(String sql, Translator translator, Object... params) {
        return add(sql, params.length, values(params), translator);
    }

    /** {@link #add(String, Translator, Object...)} with typed binding: {@code binder} binds {@code parameters} values. */
    static boolean add(String sql, int parameters, Binder binder, Translator translator) {
        DeferredWrites buffer = OPEN.get();
        if (buffer == null || !buffer.writable) {
            return false;
        }
        buffer.pending.add(new Write(sql, binder, parameters, translator, true));
        buffer.parameters += parameters;
        buffer.writes = true;
        if (buffer.parameters >= MAX_PARAMETERS) {
            try {
                buffer.send(false);
            } catch (SQLException e) {
                throw new IllegalStateException("deferred writes failed: " + e.getMessage(), e);
            }
        }
        return true;
    }

    /** Marks the open unit as read-only: writes run at once (and fail there), only the tenant setting is held. */
    public static void readOnly() {
        DeferredWrites buffer = OPEN.get();
        if (buffer != null) {
            buffer.writable = false;
        }
    }

    /** Takes everything held, to go in front of the statement about to run; null when nothing is held. */
    static Batch drain() {
        DeferredWrites buffer = OPEN.get();
        if (buffer == null || buffer.pending.isEmpty()) {
            return null;
        }
        Batch batch = buffer.batch();
        buffer.pending.clear();
        buffer.parameters = 0;
        buffer.writes = false;
        return batch;
    }

    /**
     * Holds a drained batch again, in front of what was held since: the statement it was to travel with never ran
     * (its caller failed before executing it), so nothing of it reached the database.
     */
    static void restore(Batch batch) {
        DeferredWrites buffer = OPEN.get();
        if (buffer == null) {
            return;
        }
        buffer.pending.addAll(0, batch.writes());
        for (Write write : batch.writes()) {
            buffer.parameters += write.parameters();
            buffer.writes |= write.write();
        }
    }

    private static Binder values(Object... params) {
        Object[] values = params.clone();
        return (statement, offset) -> {
            Sql.bindFrom(statement, offset, values);
            return offset + values.length;
        };
    }

    private Batch batch() {
        StringBuilder sql = new StringBuilder();
        List<Binder> binders = new ArrayList<>(pending.size());
        List<Translator> translators = new ArrayList<>();
        int statements = 0;
        for (Write write : pending) {
            sql.append(write.sql()).append(";\n");
            statements += write.statements();
            binders.add(write.binder());
            if (write.translator() != null) {
                translators.add(write.translator());
            }
        }
        return new Batch(sql.toString(), binders, statements, translators, List.copyOf(pending));
    }

    private void send(boolean commit) throws SQLException {
        Batch batch = batch();
        pending.clear();
        parameters = 0;
        writes = false;
        String sql = commit ? batch.sql() + "commit" : batch.sql().substring(0, batch.sql().length() - 2);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            batch.bind(statement);
            statement.execute();
            // walk every result so that a failure of any statement in the round trip surfaces here
            while (statement.getMoreResults() || statement.getUpdateCount() != -1) {
                // next result
            }
        } catch (SQLException failure) {
            throw batch.translate(failure);
        }
    }
}
