package health.ordo.bootstrap.config;

import health.ordo.application.port.out.limit.SignInFailurePort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.service.limit.SignInThrottleService;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/**
 * The sign-in back-off shared by every node (docs/security.md): {@code ordo.login.max-failures} (5) free failures of an
 * account from one address, {@code ordo.login.account-max-failures} (20) of an account from anywhere,
 * {@code ordo.login.address-max-failures} (20) from one address on any account; then {@code ordo.login.backoff} (30 s),
 * doubling, up to {@code ordo.login.max-backoff} (15 min), for the account as a whole up to
 * {@code ordo.login.account-max-backoff} (1 min); counts idle for {@code ordo.login.window} (15 min) are forgotten.
 */
@Factory
class SignInFactory {

    @Singleton
    SignInThrottleService signInThrottleService(SignInFailurePort failures, TransactionPort transactions, Clock clock,
                                                @Value("${ordo.login.max-failures:5}") int pairFree,
                                                @Value("${ordo.login.account-max-failures:20}") int accountFree,
                                                @Value("${ordo.login.address-max-failures:20}") int addressFree,
                                                @Value("${ordo.login.backoff:30s}") Duration base,
                                                @Value("${ordo.login.max-backoff:15m}") Duration maxBackoff,
                                                @Value("${ordo.login.account-max-backoff:1m}") Duration accountMaxBackoff,
                                                @Value("${ordo.login.window:15m}") Duration window) {
        return new SignInThrottleService(failures, transactions, clock,
                new SignInThrottleService.Settings(pairFree, accountFree, addressFree, base, maxBackoff, accountMaxBackoff, window));
    }
}
