package health.ordo.adapter.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

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

    public static <T> List<T> query(JdbcOperations jdbc, String sql, RowMapper<T> mapper, Object... params) {
        return jdbc.prepareStatement(sql, (PreparedStatement statement) -> {
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

    public static int update(JdbcOperations jdbc, String sql, Object... params) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, params);
            return statement.executeUpdate();
        });
    }

    /**
     * A write nothing in the same unit of work reads back (outbox, audit, timer plans): sent with the unit's commit in
     * one round trip (see {@link DeferredWrites}), or at once outside a unit of work.
     */
    public static void defer(JdbcOperations jdbc, String sql, Object... params) {
        if (!DeferredWrites.add(sql, params)) {
            update(jdbc, sql, params);
        }
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
