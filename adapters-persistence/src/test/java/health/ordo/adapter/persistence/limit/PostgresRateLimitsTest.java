package health.ordo.adapter.persistence.limit;

import health.ordo.application.port.in.limit.RateLimitUseCase.Decision;
import health.ordo.application.port.in.limit.RateLimitUseCase.Limit;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Two "nodes" (two bucket stores on one PostgreSQL) drawing from one caller's bucket. */
@MicronautTest(transactional = false)
class PostgresRateLimitsTest {

    @Inject
    DataSource dataSource;
    @Inject
    DataSourceResolver resolver;

    private PostgresRateLimits node(long localTokens) {
        return new PostgresRateLimits(dataSource, resolver, localTokens, Duration.ofSeconds(30), 1000);
    }

    private static int allowed(PostgresRateLimits a, PostgresRateLimits b, String key, Limit limit, int requests) {
        int allowed = 0;
        for (int i = 0; i < requests; i++) {
            if ((i % 2 == 0 ? a : b).take(key, limit).allowed()) {
                allowed++;
            }
        }
        return allowed;
    }

    @Test
    void anExactLimit_holdsAcrossTwoNodes_toTheToken() {
        Limit limit = Limit.of(0.001, 20, true);
        String key = "sign-in:" + UUID.randomUUID();

        int allowed = allowed(node(10), node(10), key, limit, 60);
        Decision refused = node(10).take(key, limit);

        assertThat(allowed).isEqualTo(20);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.waitSeconds()).as("one token per 1,000 s").isBetween(900L, 1000L);
    }

    @Test
    void aLimitServedFromEachNodesCopy_overshootsByAtMostTheNodesLocalTokens() {
        Limit limit = Limit.of(0.001, 50, false);
        String key = "caller:" + UUID.randomUUID() + "@demo";

        int allowed = allowed(node(5), node(5), key, limit, 200);

        assertThat(allowed).as("the limit, plus at most 2 nodes x 5 local tokens").isBetween(50, 60);
    }

    @Test
    void theBucketsKeyIsHashed_andRefilledBucketsAreDropped() throws SQLException {
        String key = "caller:" + UUID.randomUUID() + "@demo";
        Limit limit = Limit.of(1, 5, true);
        node(0).take(key, limit);
        long id = PostgresRateLimits.id(key, limit);
        assertThat(count("select count(*) from rate_limit_bucket where id = ? and expires_at > 0", id)).isEqualTo(1);

        count("with expired as (update rate_limit_bucket set expires_at = 1 where id = ? returning 1) select count(*) from expired", id);
        int removed = node(0).removeExpired(1000);

        assertThat(removed).isPositive();
        assertThat(count("select count(*) from rate_limit_bucket where id = ?", id)).isZero();
    }

    private long count(String sql, long id) throws SQLException {
        try (Connection connection = resolver.resolve(dataSource).getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
