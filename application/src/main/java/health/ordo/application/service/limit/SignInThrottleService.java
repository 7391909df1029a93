package health.ordo.application.service.limit;

import health.ordo.application.port.in.limit.SignInThrottleUseCase;
import health.ordo.application.port.out.limit.SignInFailurePort;
import health.ordo.application.port.out.transaction.TransactionPort;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The sign-in back-off, with its counts in the {@link SignInFailurePort} every node shares: a guesser who spreads
 * attempts over N nodes behind a balancer is counted once, not N times. Failures are counted per account and address
 * together, per address (any account) and per account (any address). Once a count reaches its free failures, each
 * failure starts a back-off ({@code base}, doubling with every further failure) during which attempts from there are
 * refused without checking the password. The pair and the address back off up to {@code maxBackoff}; the account as a
 * whole, which an attacker elsewhere can also drive, only up to {@code accountMaxBackoff}, so its owner is never shut
 * out for long. A success clears its pair and its account; counts idle for {@code window} are forgotten.
 */
public final class SignInThrottleService implements SignInThrottleUseCase {

    /** The free failures and back-off bounds; see the class comment. */
    public record Settings(int pairFree, int accountFree, int addressFree, Duration base, Duration maxBackoff,
                           Duration accountMaxBackoff, Duration window) {
        public Settings {
            if (pairFree < 1 || accountFree < 1 || addressFree < 1) {
                throw new IllegalArgumentException("ordo.login: at least one free failure per account, address and pair");
            }
            for (Duration d : List.of(base, maxBackoff, accountMaxBackoff, window)) {
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("ordo.login: back-offs and the window are positive, not " + d);
                }
            }
        }
    }

    private final SignInFailurePort failures;
    private final TransactionPort transactions;
    private final Clock clock;
    private final Settings settings;
    private final ReentrantLock[] stripes = new ReentrantLock[64];

    public SignInThrottleService(SignInFailurePort failures, TransactionPort transactions, Clock clock, Settings settings) {
        this.failures = Objects.requireNonNull(failures, "failures");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    @Override
    public <T> T serialized(String account, Supplier<T> attempt) {
        ReentrantLock lock = stripes[Math.floorMod(account.hashCode(), stripes.length)];
        lock.lock();
        try {
            return attempt.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Duration blocked(String account, String address) {
        Instant now = clock.instant();
        return transactions.readAcrossTenants(() -> failures.blockedUntil(List.of(pair(account, address), account(account),
                        address(address)), now))
                .map(until -> until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO)
                .orElse(Duration.ZERO);
    }

    @Override
    public void failed(String account, String address) {
        Instant now = clock.instant();
        Instant idleBefore = now.minus(settings.window());
        transactions.acrossTenants(() -> {
            fail(pair(account, address), settings.pairFree(), settings.maxBackoff(), now, idleBefore);
            fail(account(account), settings.accountFree(), settings.accountMaxBackoff(), now, idleBefore);
            fail(address(address), settings.addressFree(), settings.maxBackoff(), now, idleBefore);
            return null;
        });
    }

    @Override
    public void succeeded(String account, String address) {
        transactions.acrossTenants(() -> {
            failures.clear(List.of(pair(account, address), account(account)));
            return null;
        });
    }

    /** Forgets counts idle for the window and no longer blocked, up to {@code max}; answers how many. */
    public int removeIdle(int max) {
        Instant now = clock.instant();
        return transactions.acrossTenants(() -> failures.removeIdle(now.minus(settings.window()), now, max));
    }

    private void fail(String key, int free, Duration cap, Instant now, Instant idleBefore) {
        int count = failures.countFailure(key, now, idleBefore);
        if (count >= free) {
            failures.blockUntil(key, now.plus(backoff(count - free, cap)));
        }
    }

    /** {@code base} doubled {@code doublings} times, at most {@code cap}. */
    private Duration backoff(int doublings, Duration cap) {
        Duration backoff = settings.base();
        for (int i = 0; i < doublings && backoff.compareTo(cap) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(cap) > 0 ? cap : backoff;
    }

    private static String pair(String account, String address) {
        return "pair:" + account + "|" + address;
    }

    private static String account(String account) {
        return "account:" + account;
    }

    private static String address(String address) {
        return "address:" + address;
    }
}
