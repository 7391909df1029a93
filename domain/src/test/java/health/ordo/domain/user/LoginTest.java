package health.ordo.domain.user;

import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginTest {

    @Test
    void givenUserAtTenant_parse_splitsAndNormalizes() {
        Login login = Login.parse(" Alice@Demo ");

        assertThat(login.user()).isEqualTo("alice");
        assertThat(login.tenant()).isEqualTo(TenantId.of("demo"));
        assertThat(login).hasToString("alice@demo");
    }

    @Test
    void givenNoTenant_parse_isRefused() {
        assertThatThrownBy(() -> Login.parse("alice")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Login.parse("alice@")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Login.parse("@demo")).isInstanceOf(InvalidValueException.class);
    }
}
