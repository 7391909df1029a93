package health.ordo.application.service.user;

import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.port.out.user.PasswordHashingPort;
import health.ordo.application.port.out.user.SaveTenantPort;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.UserAccount;

import java.util.List;

/** Creates a tenant and its first users in one transaction; passwords are hashed before they reach storage. */
public final class TenantProvisioningService implements ProvisionTenantUseCase {

    private static final int MIN_PASSWORD_LENGTH = 12;

    private final SaveTenantPort savePort;
    private final PasswordHashingPort hashing;
    private final TransactionPort transactions;

    public TenantProvisioningService(SaveTenantPort savePort, PasswordHashingPort hashing, TransactionPort transactions) {
        this.savePort = savePort;
        this.hashing = hashing;
        this.transactions = transactions;
    }

    @Override
    public boolean provision(TenantId tenant, String name, List<NewUser> users) {
        for (NewUser user : users) {
            InvalidValueException.require(user.login().tenant().equals(tenant), "username",
                    "user " + user.login() + " does not belong to tenant " + tenant);
            InvalidValueException.require(user.password() != null && user.password().length() >= MIN_PASSWORD_LENGTH,
                    "password", "a password has at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        // Hash outside the transaction: bcrypt is slow on purpose and must not hold a connection.
        List<UserAccount> accounts = users.stream()
                .map(u -> new UserAccount(u.login(), u.displayName(), hashing.hash(u.password()), u.roles(), true))
                .toList();
        return transactions.inTransaction(tenant, () -> {
            boolean created = savePort.createTenantIfAbsent(tenant, name);
            accounts.forEach(savePort::createUserAccountIfAbsent);
            return created;
        });
    }
}
