package health.ordo.application.service.user;

import health.ordo.application.port.in.user.AuthenticateUserUseCase;
import health.ordo.application.port.in.user.AuthenticatedUser;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.port.out.user.LoadUserAccountPort;
import health.ordo.application.port.out.user.PasswordHashingPort;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.UserAccount;

import java.util.Optional;

/** Verifies a sign-in against the stored password hash, spending the same hashing time whether or not the login exists. */
public final class UserAuthenticationService implements AuthenticateUserUseCase {

    private final LoadUserAccountPort loadPort;
    private final PasswordHashingPort hashing;
    private final TransactionPort transactions;
    private final String decoyHash;

    public UserAuthenticationService(LoadUserAccountPort loadPort, PasswordHashingPort hashing, TransactionPort transactions) {
        this.loadPort = loadPort;
        this.hashing = hashing;
        this.transactions = transactions;
        this.decoyHash = hashing.hash("decoy-password-for-unknown-logins");
    }

    @Override
    public Optional<AuthenticatedUser> authenticate(String username, String password) {
        if (password == null || password.isEmpty() || password.length() > 200) {
            return Optional.empty();
        }
        Login login;
        try {
            login = Login.parse(username);
        } catch (InvalidValueException e) {
            hashing.matches(password, decoyHash);
            return Optional.empty();
        }
        Optional<UserAccount> account = transactions.readOnly(login.tenant(), () -> loadPort.loadUserAccount(login));
        boolean passwordMatches = hashing.matches(password, account.map(UserAccount::passwordHash).orElse(decoyHash));
        return account.filter(a -> passwordMatches && a.enabled())
                .map(a -> new AuthenticatedUser(a.login(), a.displayName(), a.roles()));
    }
}
