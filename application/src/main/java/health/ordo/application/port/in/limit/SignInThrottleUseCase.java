package health.ordo.application.port.in.limit;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Slows down the guessing of passwords and client secrets without letting anyone lock a person out. Failures are
 * counted by every node together, per account and address, per account and per address.
 */
public interface SignInThrottleUseCase {

    /**
     * Runs one attempt on the account (check, verify, record) while no other attempt on it runs on this node: a burst of
     * parallel guesses at one node is counted as the same number of guesses one after the other.
     */
    <T> T serialized(String account, Supplier<T> attempt);

    /** How long attempts on this account from this address are still refused; zero when one may be tried now. */
    Duration blocked(String account, String address);

    void failed(String account, String address);

    /** Clears the failures of the account from this address and of the account as a whole (not the address's). */
    void succeeded(String account, String address);
}
