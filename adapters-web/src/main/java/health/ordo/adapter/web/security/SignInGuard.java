package health.ordo.adapter.web.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows down password guessing at sign-in ({@code /login}, and client secrets at {@code /oauth/token}) without letting
 * anyone lock a person out. Failures are counted per account and address together, per address (any account) and per
 * account (any address); once a count reaches its free failures, each failure starts a back-off ({@code ordo.login.backoff},
 * 30 seconds, doubling with every further failure), during which attempts from there are refused without checking the
 * password. The account and address pair backs off up to
 * {@code ordo.login.max-backoff} (15 minutes); the account as a whole, which an attacker from elsewhere can also drive,
 * only up to {@code ordo.login.account-max-backoff} (1 minute), so its owner is never shut out for long; an address that
 * tries many accounts backs off up to the longer bound. A success clears its pair and its account; counts are forgotten
 * after {@code ordo.login.window} (15 minutes) without failures. Memory is bounded: each table keeps at most
 * {@code ordo.login.max-tracked} entries (least recently failed dropped first). Kept in each node's memory.
 */
@Singleton
public class SignInGuard {

    private static final class Failures {
        int count;
        long lastAt;
        long blockedUntil;
    }

    /** A bounded table of failure counts, least recently touched dropped first. */
    private static final class Table {
        private final Map<String, Failures> entries;

        Table(int capacity) {
            this.entries = new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                    return size() > capacity;
                }
            };
        }
    }

    private final int pairFree;
    private final int accountFree;
    private final int addressFree;
    private final long maxBackoff;
    private final long accountMaxBackoff;
    private final long window;
    private final long base;
    private final Table pairs;
    private final Table accounts;
    private final Table addresses;

    SignInGuard(@Value("${ordo.login.max-failures:5}") int pairFree, @Value("${ordo.login.account-max-failures:20}") int accountFree,
                @Value("${ordo.login.address-max-failures:20}") int addressFree,
                @Value("${ordo.login.max-backoff:15m}") Duration maxBackoff,
                @Value("${ordo.login.account-max-backoff:1m}") Duration accountMaxBackoff,
                @Value("${ordo.login.window:15m}") Duration window, @Value("${ordo.login.backoff:30s}") Duration base,
                @Value("${ordo.login.max-tracked:50000}") int maxTracked) {
        this.base = base.toNanos();
        this.pairFree = pairFree;
        this.accountFree = accountFree;
        this.addressFree = addressFree;
        this.maxBackoff = maxBackoff.toNanos();
        this.accountMaxBackoff = accountMaxBackoff.toNanos();
        this.window = window.toNanos();
        this.pairs = new Table(maxTracked);
        this.accounts = new Table(maxTracked);
        this.addresses = new Table(maxTracked);
    }

    /** Attempts on one account run one at a time (striped locks), so parallel guesses all see each other's failures. */
    private final java.util.concurrent.locks.ReentrantLock[] stripes = new java.util.concurrent.locks.ReentrantLock[64];

    {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new java.util.concurrent.locks.ReentrantLock();
        }
    }

    /**
     * Runs one sign-in attempt on the account (check, verify, record) while no other attempt on it runs: a burst of
     * parallel guesses is counted as the same number of guesses one after the other.
     */
    public <T> T serialized(String account, java.util.function.Supplier<T> attempt) {
        java.util.concurrent.locks.ReentrantLock lock = stripes[Math.floorMod(account.hashCode(), stripes.length)];
        lock.lock();
        try {
            return attempt.get();
        } finally {
            lock.unlock();
        }
    }

    /** How long attempts for this account from this address are refused; zero when one may be tried now. */
    public synchronized Duration blocked(String account, String address, long now) {
        long until = Math.max(until(pairs, account + "|" + address, now),
                Math.max(until(accounts, account, now), until(addresses, address, now)));
        return until <= now ? Duration.ZERO : Duration.ofNanos(until - now);
    }

    public synchronized void failed(String account, String address, long now) {
        fail(pairs, account + "|" + address, pairFree, maxBackoff, now);
        fail(accounts, account, accountFree, accountMaxBackoff, now);
        fail(addresses, address, addressFree, maxBackoff, now);
    }

    public synchronized void succeeded(String account, String address) {
        pairs.entries.remove(account + "|" + address);
        accounts.entries.remove(account);
    }

    /** How many entries the tables hold (for tests of the bound). */
    synchronized int tracked() {
        return pairs.entries.size() + accounts.entries.size() + addresses.entries.size();
    }

    private long until(Table table, String key, long now) {
        Failures f = table.entries.get(key);
        if (f == null) {
            return 0;
        }
        if (now - f.lastAt > window && now >= f.blockedUntil) {
            table.entries.remove(key);
            return 0;
        }
        return f.blockedUntil;
    }

    private void fail(Table table, String key, int free, long cap, long now) {
        Failures f = table.entries.get(key);
        if (f == null || now - f.lastAt > window && now >= f.blockedUntil) {
            f = new Failures();
            table.entries.put(key, f);
        }
        f.count++;
        f.lastAt = now;
        if (f.count >= free) {
            int doublings = Math.min(20, f.count - free);
            long backoff = Math.min(cap, base << doublings);
            f.blockedUntil = Math.max(f.blockedUntil, now + backoff);
        }
    }
}
