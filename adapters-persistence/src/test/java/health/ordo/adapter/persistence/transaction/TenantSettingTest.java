package health.ordo.adapter.persistence.transaction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tenant setting is a SET LOCAL statement (which Citus passes on to its workers), with only a slug written into it. */
class TenantSettingTest {

    @Test
    void aTenantOrTheCrossTenantScopeIsSetForTheTransactionOnly() {
        assertThat(JdbcTransactionAdapter.setTenant("acme-health-2")).isEqualTo("set local ordo.tenant_id = 'acme-health-2'");
        assertThat(JdbcTransactionAdapter.setTenant("*")).isEqualTo("set local ordo.tenant_id = '*'");
    }

    @Test
    void anythingButASlugNeverReachesTheStatement() {
        for (String hostile : new String[]{"acme'; reset role; --", "ACME", "", "-acme", "acme\\'", "a".repeat(64), "**"}) {
            assertThatThrownBy(() -> JdbcTransactionAdapter.setTenant(hostile)).as(hostile)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
