package health.ordo.application.service.user;

import health.ordo.application.port.in.user.ManageUserAccessUseCase;
import health.ordo.application.port.in.user.UserNotFoundException;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.port.out.user.LoadUserAccountPort;
import health.ordo.application.port.out.user.UpdateUserAccountPort;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.UserAccount;

/** A tenant admin turns a user of their own tenant off or on; the token check asks whether a user is still active. */
public final class UserAccessService implements ManageUserAccessUseCase {

    private final LoadUserAccountPort load;
    private final UpdateUserAccountPort update;
    private final TransactionPort transactions;

    public UserAccessService(LoadUserAccountPort load, UpdateUserAccountPort update, TransactionPort transactions) {
        this.load = load;
        this.update = update;
        this.transactions = transactions;
    }

    @Override
    public void setEnabled(TenantId tenant, Login login, boolean enabled) {
        if (!login.tenant().equals(tenant) || !transactions.inTransaction(tenant, () -> update.setEnabled(login, enabled))) {
            throw new UserNotFoundException(login.toString());
        }
    }

    @Override
    public boolean active(Login login) {
        return transactions.readOnly(login.tenant(), () -> load.loadUserAccount(login)).map(UserAccount::enabled).orElse(false);
    }

    @Override
    public boolean known(Login login) {
        return transactions.readOnly(login.tenant(), () -> load.loadUserAccount(login)).isPresent();
    }
}
