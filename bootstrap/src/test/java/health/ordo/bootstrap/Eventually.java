package health.ordo.bootstrap;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for what the app does in the background: asks again every 200 ms until the answer is there, 60 s unless told otherwise. */
final class Eventually {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 200;

    private Eventually() {
    }

    /** Returns once the condition holds; fails naming {@code what} if it does not within 60 s. */
    static void until(BooleanSupplier condition, String what) {
        until(condition, what, TIMEOUT);
    }

    /** Returns once the condition holds; fails naming {@code what} if it does not within the timeout. */
    static void until(BooleanSupplier condition, String what, Duration timeout) {
        poll(condition::getAsBoolean, Boolean::booleanValue, timeout, last -> what);
    }

    /** @return the first value read that is {@code done}; fails with the last value read if none is within 60 s */
    static <T> T value(Supplier<T> read, Predicate<? super T> done) {
        return value(read, done, TIMEOUT);
    }

    /** @return the first value read that is {@code done}; fails with the last value read if none is within the timeout */
    static <T> T value(Supplier<T> read, Predicate<? super T> done, Duration timeout) {
        return poll(read, done, timeout, last -> "last value " + last);
    }

    private static <T> T poll(Supplier<T> read, Predicate<? super T> done, Duration timeout, Function<? super T, String> failure) {
        long end = System.nanoTime() + timeout.toNanos();
        T last = read.get();
        while (!done.test(last)) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + failure.apply(last));
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = read.get();
        }
        return last;
    }
}
