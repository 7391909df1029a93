package health.ordo.adapter.persistence.user;

import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.port.out.user.LoadUserAccountPort;
import health.ordo.application.port.out.user.SaveTenantPort;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
import health.ordo.domain.user.UserAccount;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class UserAccountPersistenceTest {

    @Inject
    SaveTenantPort savePort;
    @Inject
    LoadUserAccountPort loadPort;
    @Inject
    TransactionPort tx;

    @Test
    void givenProvisionedTenant_userAccount_roundTripsAndSecondCreateChangesNothing() {
        TenantId tenant = TenantId.of("acme-health");
        Login login = Login.parse("sam@acme-health");
        UserAccount account = new UserAccount(login, "Sam Rivera", "$2a$10$hash", Set.of(Role.SUPERVISOR, Role.WORKER), true);

        boolean created = tx.inTransaction(tenant, () -> savePort.createTenantIfAbsent(tenant, "Acme Health"));
        boolean createdAgain = tx.inTransaction(tenant, () -> savePort.createTenantIfAbsent(tenant, "Acme Health"));
        tx.inTransaction(tenant, () -> {
            savePort.createUserAccountIfAbsent(account);
            savePort.createUserAccountIfAbsent(new UserAccount(login, "Impostor", "$2a$10$other", Set.of(Role.TENANT_ADMIN), true));
            return null;
        });

        assertThat(created).isTrue();
        assertThat(createdAgain).isFalse();
        assertThat(tx.readOnly(tenant, () -> loadPort.loadUserAccount(login))).contains(account);
        assertThat(tx.readOnly(tenant, () -> loadPort.loadUserAccount(Login.parse("nobody@acme-health")))).isEmpty();
    }
}
