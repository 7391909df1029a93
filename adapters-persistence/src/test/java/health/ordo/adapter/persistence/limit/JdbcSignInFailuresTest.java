package health.ordo.adapter.persistence.limit;

import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.service.limit.SignInThrottleService;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in back-off on its PostgreSQL counts, with two "nodes" (two throttles) on one database: a guesser is counted
 * once across both, guessing slows down and doubles, nobody is locked out of an account for long, idle counts go.
 */
@MicronautTest(transactional = false)
class JdbcSignInFailuresTest {

    @Inject
    JdbcSignInFailures failures;
    @Inject
    TransactionPort transactions;
    @Inject
    JdbcOperations jdbc;

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-12-06T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private final TestClock clock = new TestClock();

    private SignInThrottleService node() {
        return new SignInThrottleService(failures, transactions, clock, new SignInThrottleService.Settings(5, 20, 20,
                Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(15)));
    }

    private static String account() {
        return "eve-" + UUID.randomUUID() + "@acme";
    }

    private static String address() {
        return "10." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
    }

    @Test
    void failuresSpreadOverTwoNodes_areCountedOnce_andThePairBacksOffOnBoth_doublingWithEachFailure() {
        SignInThrottleService a = node();
        SignInThrottleService b = node();
        String eve = account();
        String address = address();
        for (int i = 0; i < 4; i++) {
            (i % 2 == 0 ? a : b).failed(eve, address);
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(a.blocked(eve, address)).as("four failures are free").isZero();
        assertThat(b.blocked(eve, address)).isZero();

        b.failed(eve, address);
        clock.advance(Duration.ofSeconds(1));

        assertThat(a.blocked(eve, address)).as("the fifth, on either node, starts the back-off on both")
                .isEqualTo(Duration.ofSeconds(29));
        assertThat(b.blocked(eve, address)).isEqualTo(Duration.ofSeconds(29));
        assertThat(a.blocked(eve, address())).as("the owner elsewhere still signs in").isZero();

        clock.advance(Duration.ofSeconds(40));
        a.failed(eve, address);
        assertThat(b.blocked(eve, address)).as("the next failure doubles it").isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void anAttackerFailingFromManyAddresses_locksTheAccountForAMinuteAtMost() {
        SignInThrottleService a = node();
        SignInThrottleService b = node();
        String eve = account();
        for (int i = 0; i < 60; i++) {
            (i % 2 == 0 ? a : b).failed(eve, address());
            clock.advance(Duration.ofMillis(100));
        }

        assertThat(a.blocked(eve, address())).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
        clock.advance(Duration.ofSeconds(61));
        assertThat(b.blocked(eve, address())).isZero();
    }

    @Test
    void anAddressTryingManyAccounts_backsOff_forEveryAccount() {
        SignInThrottleService a = node();
        String address = address();
        for (int i = 0; i < 20; i++) {
            a.failed(account(), address);
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(node().blocked(account(), address)).isPositive();
        assertThat(node().blocked(account(), address())).isZero();
    }

    @Test
    void aSuccessOnOneNode_clearsItsPairAndItsAccountOnTheOther() {
        SignInThrottleService a = node();
        SignInThrottleService b = node();
        String eve = account();
        String address = address();
        for (int i = 0; i < 4; i++) {
            a.failed(eve, address);
        }
        b.succeeded(eve, address);
        a.failed(eve, address);

        assertThat(b.blocked(eve, address)).isZero();
    }

    @Test
    void idleCountsAreForgotten_andNoLoginOrAddressIsStored() {
        SignInThrottleService a = node();
        String eve = account();
        String address = address();
        a.failed(eve, address);
        clock.advance(Duration.ofMinutes(16));

        int removed = a.removeIdle(100_000);
        int left = count("select count(*) from sign_in_failure where id = any(?)", JdbcSignInFailures.id("pair:" + eve + "|" + address),
                JdbcSignInFailures.id("account:" + eve), JdbcSignInFailures.id("address:" + address));
        int textColumns = count("select count(*) from information_schema.columns where table_name = 'sign_in_failure'"
                + " and data_type = 'text' and cardinality(?::bigint[]) = 0");

        assertThat(removed).isGreaterThanOrEqualTo(3);
        assertThat(left).isZero();
        assertThat(textColumns).as("only digests, counts and times").isZero();
    }

    private int count(String sql, Long... ids) {
        Integer count = transactions.readAcrossTenants(() -> jdbc.prepareStatement(sql, statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", ids));
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }));
        return count;
    }
}
