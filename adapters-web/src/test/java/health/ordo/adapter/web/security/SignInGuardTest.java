package health.ordo.adapter.web.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Password guessing slows down; nobody can lock a person out for long; memory stays bounded. */
class SignInGuardTest {

    private static final long SECOND = 1_000_000_000L;

    private static SignInGuard guard(int maxTracked) {
        return new SignInGuard(5, 20, 20, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofSeconds(30),
                maxTracked);
    }

    @Test
    void afterTheFreeFailuresOfAnAccountFromOneAddress_thatPairBacksOff_doublingWithEachFailure() {
        SignInGuard guard = guard(1000);
        for (int i = 0; i < 5; i++) {
            guard.failed("eve@acme", "10.0.0.5", i * SECOND);
        }
        assertThat(guard.blocked("eve@acme", "10.0.0.5", 5 * SECOND)).isEqualTo(Duration.ofSeconds(30).minusSeconds(1));
        assertThat(guard.blocked("eve@acme", "10.0.0.9", 5 * SECOND)).as("the owner elsewhere still signs in").isZero();

        guard.failed("eve@acme", "10.0.0.5", 40 * SECOND);
        assertThat(guard.blocked("eve@acme", "10.0.0.5", 40 * SECOND)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void anAttackerFailingFromManyAddresses_locksTheAccountForAMinuteAtMost() {
        SignInGuard guard = guard(100_000);
        long now = 0;
        for (int i = 0; i < 500; i++) {
            now = i * SECOND / 10;
            guard.failed("eve@acme", "198.51.100." + (i % 250), now);
        }

        assertThat(guard.blocked("eve@acme", "203.0.113.7", now)).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(guard.blocked("eve@acme", "203.0.113.7", now + 61 * SECOND)).isZero();
    }

    @Test
    void anAddressTryingManyAccounts_backsOff_forEveryAccount() {
        SignInGuard guard = guard(1000);
        for (int i = 0; i < 20; i++) {
            guard.failed("user" + i + "@acme", "10.0.0.66", i * SECOND);
        }

        assertThat(guard.blocked("someone-else@acme", "10.0.0.66", 20 * SECOND)).isPositive();
        assertThat(guard.blocked("someone-else@acme", "10.0.0.67", 20 * SECOND)).isZero();
    }

    @Test
    void aSuccess_clearsItsPairAndItsAccount() {
        SignInGuard guard = guard(1000);
        for (int i = 0; i < 4; i++) {
            guard.failed("eve@acme", "10.0.0.5", i);
        }
        guard.succeeded("eve@acme", "10.0.0.5");
        guard.failed("eve@acme", "10.0.0.5", 10);

        assertThat(guard.blocked("eve@acme", "10.0.0.5", 11)).isZero();
    }

    @Test
    void memory_isBounded_whateverNamesAreSent() {
        SignInGuard guard = guard(100);
        for (int i = 0; i < 10_000; i++) {
            guard.failed("random-" + i + "@acme", "192.0.2." + (i % 200), i);
        }

        assertThat(guard.tracked()).isLessThanOrEqualTo(300);
    }

    @Test
    void parallelGuessesOnOneAccount_areCountedOneAfterTheOther() throws Exception {
        SignInGuard guard = guard(1000);
        java.util.concurrent.atomic.AtomicInteger checkedPasswords = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<?>> guesses = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            guesses.add(pool.submit(() -> {
                start.await();
                return guard.serialized("eve@acme", () -> {
                    long now = System.nanoTime();
                    if (!guard.blocked("eve@acme", "10.0.0.5", now).isZero()) {
                        return false;
                    }
                    checkedPasswords.incrementAndGet(); // the slow password check of a wrong guess
                    guard.failed("eve@acme", "10.0.0.5", now);
                    return true;
                });
            }));
        }
        start.countDown();
        for (java.util.concurrent.Future<?> guess : guesses) {
            guess.get();
        }
        pool.shutdown();

        assertThat(checkedPasswords).as("only the free failures reach the password check").hasValue(5);
    }
}
