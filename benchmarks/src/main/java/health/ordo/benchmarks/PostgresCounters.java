package health.ordo.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * PostgreSQL's own account of a measured window: statements per claimed item ({@code pg_stat_statements}, when the
 * server was started with {@code shared_preload_libraries=pg_stat_statements}) and WAL written ({@code pg_stat_wal},
 * PostgreSQL 14+).
 */
final class PostgresCounters {

    private PostgresCounters() {
    }

    static void resetStatementStats(Connection sql) throws SQLException {
        try (Statement statement = sql.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            statement.execute("select pg_stat_statements_reset()");
        }
    }

    /** The {@code top} statements by time since the last reset, each with its calls and time per claimed item. */
    static void printStatementStats(Connection sql, int top, long claims) throws SQLException {
        try (Statement statement = sql.createStatement(); ResultSet rs = statement.executeQuery("""
                select calls, total_exec_time, total_plan_time, regexp_replace(case when length(query) > 200 then left(query, 70) || ' … ' || right(query, 120)
                    else query end, '\\s+', ' ', 'g') || ' (' || calls || ' calls, mean ' || round(mean_exec_time::numeric, 2) || ' ms)' as query
                from pg_stat_statements where query not like '%pg_stat_statements%' order by total_exec_time + total_plan_time desc
                """ + " limit " + top)) {
            System.out.printf(Locale.ROOT, "%-9s %-9s %-9s %s%n", "per claim", "exec ms", "plan ms", "statement");
            while (rs.next()) {
                System.out.printf(Locale.ROOT, "%-9.2f %-9.3f %-9.3f %s%n", rs.getLong(1) / (double) claims,
                        rs.getDouble(2) / claims, rs.getDouble(3) / claims, rs.getString(4));
            }
        }
    }

    /** Statements executed since the last reset ({@code pg_stat_statements}), or -1 where the extension is not loaded. */
    static long statementCalls(Connection sql) {
        try (Statement statement = sql.createStatement();
             ResultSet rs = statement.executeQuery("select coalesce(sum(calls), 0) from pg_stat_statements where query not like '%pg_stat%'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    /** WAL records, full-page images and bytes written so far; null where unreadable. */
    static long[] wal(Connection sql) {
        try (Statement statement = sql.createStatement();
             ResultSet rs = statement.executeQuery("select wal_records, wal_fpi, wal_bytes from pg_stat_wal")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        } catch (SQLException e) {
            return null;
        }
    }

    static String walPerClaim(long[] before, long[] after, long claims) {
        if (before == null || after == null || claims == 0) {
            return "WAL per claimed item: not read";
        }
        return String.format(Locale.ROOT, "WAL per claimed item: %.1f records, %.2f full pages, %.0f bytes",
                (after[0] - before[0]) / (double) claims, (after[1] - before[1]) / (double) claims, (after[2] - before[2]) / (double) claims);
    }
}
