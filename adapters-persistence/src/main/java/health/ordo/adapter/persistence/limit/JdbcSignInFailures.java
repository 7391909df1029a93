package health.ordo.adapter.persistence.limit;

import health.ordo.adapter.persistence.Sql;
import health.ordo.application.port.out.limit.SignInFailurePort;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * {@code sign_in_failure}: a row per key, its id the first eight bytes of SHA-256 over the key. Counting is one
 * upsert, so failures arriving at several nodes at once are all counted.
 */
@Singleton
final class JdbcSignInFailures implements SignInFailurePort {

    private final JdbcOperations jdbc;

    JdbcSignInFailures(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int countFailure(String key, Instant now, Instant idleBefore) {
        return Sql.query(jdbc, """
                insert into sign_in_failure as f (id, failures, last_failed_at) values (?, 1, ?)
                on conflict (id) do update set
                    failures = case when f.last_failed_at < ? and (f.blocked_until is null or f.blocked_until <= ?) then 1
                                    else f.failures + 1 end,
                    last_failed_at = excluded.last_failed_at
                returning failures""", rs -> rs.getInt(1), id(key), now, idleBefore, now).get(0);
    }

    @Override
    public void blockUntil(String key, Instant until) {
        Sql.update(jdbc, "update sign_in_failure set blocked_until = greatest(blocked_until, ?) where id = ?", until, id(key));
    }

    @Override
    public Optional<Instant> blockedUntil(List<String> keys, Instant now) {
        return Sql.prepare(jdbc, "select max(blocked_until) from sign_in_failure where id = any(?) and blocked_until > ?", statement -> {
            statement.setArray(1, ids(statement.getConnection(), keys));
            statement.setObject(2, now.atOffset(ZoneOffset.UTC));
            try (var rs = statement.executeQuery()) {
                rs.next();
                OffsetDateTime until = rs.getObject(1, OffsetDateTime.class);
                return Optional.ofNullable(until).map(OffsetDateTime::toInstant);
            }
        });
    }

    @Override
    public void clear(List<String> keys) {
        Sql.prepare(jdbc, "delete from sign_in_failure where id = any(?)", statement -> {
            statement.setArray(1, ids(statement.getConnection(), keys));
            return statement.executeUpdate();
        });
    }

    @Override
    public int removeIdle(Instant idleBefore, Instant now, int max) {
        return Sql.update(jdbc, """
                delete from sign_in_failure where id in (select id from sign_in_failure
                    where last_failed_at < ? and (blocked_until is null or blocked_until <= ?) limit ? for update skip locked)""",
                idleBefore, now, max);
    }

    private static Array ids(Connection connection, List<String> keys) throws SQLException {
        return connection.createArrayOf("bigint", keys.stream().map(JdbcSignInFailures::id).toArray(Long[]::new));
    }

    /** The first eight bytes of SHA-256 over the key: no login or address in the table. */
    static long id(String key) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8))).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
