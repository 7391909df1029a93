package health.ordo.domain.approval;

import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.Money;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.NotAllowedException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApprovalSettingsTest {

    private static final TenantId TENANT = TenantId.of("acme");
    private final ApprovalSettings rules = new ApprovalSettings(TENANT, Money.of("1000.00", "USD"), Set.of(ApprovalKind.CONNECTOR_CREDENTIALS));

    @Test
    void onlyWriteOffCodesAboveTheThresholdNeedApproval() {
        assertThat(rules.requiresWriteOffApproval("WRITE_OFF", Money.of("1000.01", "USD"))).isTrue();
        assertThat(rules.requiresWriteOffApproval("WRITE_OFF", Money.of("1000.00", "USD"))).isFalse();
        assertThat(rules.requiresWriteOffApproval("RELEASED", Money.of("99999.00", "USD"))).isFalse();
        assertThat(ApprovalSettings.none(TENANT).requiresWriteOffApproval("WRITE_OFF", Money.of("99999.00", "USD"))).isFalse();
    }

    @Test
    void aWriteOffInAnotherCurrencyIsNotComparedButHeld() {
        assertThat(rules.requiresWriteOffApproval("ADJUSTED_OFF", Money.of("5.00", "EUR"))).isTrue();
    }

    @Test
    void writeOffsAreGovernedByTheThresholdOnly() {
        assertThatThrownBy(() -> new ApprovalSettings(TENANT, null, Set.of(ApprovalKind.WRITE_OFF))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new ApprovalSettings(TENANT, Money.of("-1", "USD"), Set.of())).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void theMakerNeverApproves_aDecisionIsFinal_andSecretsAreNeverShown() {
        ApprovalRequest request = ApprovalRequest.pending(TENANT, ApprovalKind.CONNECTOR_CREDENTIALS, "connector erp", "new password",
                Map.of("connector", "erp", "secret.password", "hunter2"), "mia@acme", Instant.EPOCH);

        assertThatThrownBy(() -> request.approve(new Checker("mia@acme", true), null, Instant.EPOCH)).isInstanceOf(NotAllowedException.class)
                .hasMessageContaining("someone other than its maker");
        ApprovalRequest approved = request.approve(new Checker("carl@acme", true), "ok", Instant.EPOCH);
        assertThatThrownBy(() -> approved.reject(new Checker("lee@acme", true), "no", Instant.EPOCH)).isInstanceOf(NotAllowedException.class);
        assertThat(approved.withoutSecrets().parameters()).containsEntry("secret.password", "(secret)").containsEntry("connector", "erp");
        assertThatThrownBy(() -> request.reject(new Checker("carl@acme", true), " ", Instant.EPOCH)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void configurationIsDecidedByATenantAdmin_aWriteOffAlsoByASupervisor() {
        ApprovalRequest credentials = ApprovalRequest.pending(TENANT, ApprovalKind.CONNECTOR_CREDENTIALS, "connector erp", "new password",
                Map.of("connector", "erp"), "mia@acme", Instant.EPOCH);
        ApprovalRequest writeOff = ApprovalRequest.pending(TENANT, ApprovalKind.WRITE_OFF, "item 1", "write off $900",
                Map.of(), "mia@acme", Instant.EPOCH);
        Checker supervisor = new Checker("sam@acme", false);

        assertThatThrownBy(() -> credentials.approve(supervisor, null, Instant.EPOCH)).isInstanceOf(NotAllowedException.class)
                .hasMessageContaining("tenant admin");
        assertThatThrownBy(() -> credentials.reject(supervisor, "no", Instant.EPOCH)).isInstanceOf(NotAllowedException.class);
        assertThat(writeOff.approve(supervisor, null, Instant.EPOCH).status()).isEqualTo(ApprovalRequest.Status.APPROVED);
        assertThat(credentials.approve(new Checker("ada@acme", true), null, Instant.EPOCH).decidedBy()).isEqualTo("ada@acme");
    }
}
