package health.ordo.adapter.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.jdbc.runtime.PreparedStatementCallback;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Small helpers for the hand-written SQL of the repositories: positional parameters (an {@link Instant} travels as
 * {@code timestamptz}, null as SQL NULL), rows mapped by a lambda, all on the caller's transactional connection.
 */
public final class Sql {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private Sql() {
    }

    /**
     * Every statement of the repositories goes through here: {@code callback} gets the prepared {@code sql}, with
     * whatever the unit of work holds back ({@link DeferredWrites}: its tenant setting, writes) sent in front of it in
     * the same round trip. Not for batches ({@link #prepareBatch}).
     */
    public static <R> R prepare(JdbcOperations jdbc, String sql, PreparedStatementCallback<R> callback) {
        DeferredWrites.Batch held = DeferredWrites.drain();
        if (held == null) {
            return jdbc.prepareStatement(sql, callback);
        }
        PiggybackStatement[] carrier = new PiggybackStatement[1];
        try {
            return jdbc.prepareStatement(held.sql() + sql, statement -> {
                carrier[0] = PiggybackStatement.handler(statement, held);
                return callback.call(carrier[0].proxy());
            });
        } finally {
            if (carrier[0] == null || !carrier[0].executed()) {
                // the statement never ran (its caller failed first): what it was to carry is held again
                DeferredWrites.restore(held);
            }
        }
    }

    /** A statement the callback batches ({@code addBatch}): what the unit of work holds back is sent first, on its own. */
    public static <R> R prepareBatch(JdbcOperations jdbc, String sql, PreparedStatementCallback<R> callback) {
        DeferredWrites.Batch held = DeferredWrites.drain();
        if (held != null) {
            jdbc.prepareStatement(held.sql() + "select 1", statement -> PiggybackStatement.wrap(statement, held).execute());
        }
        return jdbc.prepareStatement(sql, callback);
    }

    public static <T> List<T> query(JdbcOperations jdbc, String sql, RowMapper<T> mapper, Object... params) {
        return prepare(jdbc, sql, (PreparedStatement statement) -> {
            bind(statement, params);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        });
    }

    /**
     * Hands each row to {@code each} as it is read, {@code fetchSize} rows at a time (the driver keeps a cursor inside
     * the transaction), so a large read never holds all its rows at once. What the unit of work holds back is sent
     * first, on its own: the driver reads through a cursor only a single statement.
     */
    public static <T> void forEach(JdbcOperations jdbc, String sql, int fetchSize, RowMapper<T> mapper, Consumer<? super T> each,
                                   Object... params) {
        prepareBatch(jdbc, sql, (PreparedStatement statement) -> {
            bind(statement, params);
            statement.setFetchSize(fetchSize);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    each.accept(mapper.map(rs));
                }
            }
            return null;
        });
    }

    public static int update(JdbcOperations jdbc, String sql, Object... params) {
        return prepare(jdbc, sql, statement -> {
            bind(statement, params);
            return statement.executeUpdate();
        });
    }

    /**
     * A write nothing in the same unit of work reads back (outbox, audit, timer plans): sent with the unit's commit in
     * one round trip (see {@link DeferredWrites}), or at once outside a unit of work.
     */
    public static void defer(JdbcOperations jdbc, String sql, Object... params) {
        if (!DeferredWrites.add(sql, null, params)) {
            update(jdbc, sql, params);
        }
    }

    /**
     * Holds a write for the current unit of work like {@link #defer}, with typed binding ({@code binder} binds
     * {@code parameters} values) and a translator for its failures; answers
     * false, holding nothing, when no writing unit of work is open (the caller then runs it itself).
     */
    public static boolean deferIfOpen(String sql, int parameters, DeferredWrites.Binder binder, DeferredWrites.Translator translator) {
        return DeferredWrites.add(sql, parameters, binder, translator);
    }

    public static void bind(PreparedStatement statement, Object... params) throws SQLException {
        bindFrom(statement, 0, params);
    }

    /** Binds {@code params} to the parameters after position {@code offset} (a statement of a multi-statement query). */
    static void bindFrom(PreparedStatement statement, int offset, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object value = params[i] instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : params[i];
            if (value == null) {
                statement.setNull(offset + i + 1, Types.NULL);
            } else {
                statement.setObject(offset + i + 1, value);
            }
        }
    }
}
