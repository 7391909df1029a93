package health.ordo.application.service.user;

import health.ordo.application.port.in.user.AuthenticatedUser;
import health.ordo.application.port.out.user.LoadUserAccountPort;
import health.ordo.application.port.out.user.PasswordHashingPort;
import health.ordo.application.support.DirectTransactions;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
import health.ordo.domain.user.UserAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

@ExtendWith(MockitoExtension.class)
class UserAuthenticationServiceTest {

    @Mock
    LoadUserAccountPort loadPort;
    @Mock
    PasswordHashingPort hashing;
    private UserAuthenticationService service;
    private final Login alice = Login.parse("alice@demo");

    @BeforeEach
    void setUp() {
        when(hashing.hash(anyString())).thenReturn("decoy-hash");
        service = new UserAuthenticationService(loadPort, hashing, new DirectTransactions());
    }

    @Test
    void givenRightPassword_authenticate_returnsTenantAndRoles() {
        when(loadPort.loadUserAccount(alice)).thenReturn(Optional.of(
                new UserAccount(alice, "Alice Ng", "stored-hash", Set.of(Role.WORKER), true)));
        when(hashing.matches("correct horse battery", "stored-hash")).thenReturn(true);

        Optional<AuthenticatedUser> user = service.authenticate("alice@demo", "correct horse battery");

        assertThat(user).hasValueSatisfying(u -> {
            assertThat(u.login().tenant().value()).isEqualTo("demo");
            assertThat(u.roles()).containsExactly(Role.WORKER);
        });
    }

    @Test
    void givenWrongPassword_authenticate_returnsEmpty() {
        when(loadPort.loadUserAccount(alice)).thenReturn(Optional.of(
                new UserAccount(alice, "Alice Ng", "stored-hash", Set.of(Role.WORKER), true)));
        when(hashing.matches(any(), eq("stored-hash"))).thenReturn(false);

        assertThat(service.authenticate("alice@demo", "guess")).isEmpty();
    }

    @Test
    void givenUnknownLogin_authenticate_stillSpendsAHashComparison() {
        when(loadPort.loadUserAccount(any())).thenReturn(Optional.empty());

        assertThat(service.authenticate("mallory@demo", "guess")).isEmpty();
        verify(hashing).matches("guess", "decoy-hash");
    }

    @Test
    void givenDisabledAccount_authenticate_returnsEmptyEvenWithRightPassword() {
        when(loadPort.loadUserAccount(alice)).thenReturn(Optional.of(
                new UserAccount(alice, "Alice Ng", "stored-hash", Set.of(Role.WORKER), false)));
        when(hashing.matches("correct horse battery", "stored-hash")).thenReturn(true);

        assertThat(service.authenticate("alice@demo", "correct horse battery")).isEmpty();
    }
}
