package health.ordo.application.port.out.secret;

import health.ordo.domain.shared.TenantId;

import java.util.List;

/** Where sealed secrets are stored: seals a batch of those not under the current key again, in the caller's unit of work. */
public interface ResealSecretsPort {

    /** What one batch did: rows looked at (locked) and rows sealed again. */
    record Batch(int examined, int resealed) {
    }

    /** The tenants with secrets not sealed under the current key (unlocked). */
    List<TenantId> tenantsToReseal();

    /** @param size the most of the tenant's rows to take (skipping rows another node holds) */
    Batch resealNextBatch(TenantId tenant, int size);
}
