package health.ordo.adapter.persistence.secret;

import health.ordo.adapter.persistence.Sql;
import health.ordo.application.port.out.secret.ResealSecretsPort;
import health.ordo.domain.shared.TenantId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Seals stored secrets that are not under the current key again under it: connector credentials, then the credentials of
 * pending approvals, webhook signing secrets, tenant by tenant. Rows are taken with {@code FOR UPDATE SKIP LOCKED}, so several nodes rotating at once share the work,
 * and a row is replaced only if it still holds the ciphertext that was read. See docs/security.md, "Rotating the secrets
 * key".
 */
@Singleton
class SecretRotation implements ResealSecretsPort {

    private static final Logger LOG = LoggerFactory.getLogger(SecretRotation.class);

    /** A table holding sealed secrets: its column and how a row's owner (the associated data) is spelled. */
    private record Sealed(String table, String column, String owner) {
    }

    private static final List<Sealed> TABLES = List.of(
            new Sealed("connector_config", "secrets", "tenant_id || '/' || id"),
            new Sealed("approval_request", "sealed_secrets", "'approval/' || tenant_id || '/' || id"),
            new Sealed("webhook_subscription", "sealed_secrets", "'webhook/' || tenant_id || '/' || id"));

    private final JdbcOperations jdbc;
    private final SecretBox box;

    SecretRotation(JdbcOperations jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    @Override
    public List<TenantId> tenantsToReseal() {
        String sql = TABLES.stream().map(t -> "select tenant_id from " + t.table() + " where " + t.column() + " is not null and "
                + t.column() + " not like ?").collect(java.util.stream.Collectors.joining(" union "));
        return Sql.query(jdbc, sql, rs -> TenantId.of(rs.getString(1)), TABLES.stream().map(t -> box.prefix() + "%").toArray());
    }

    @Override
    public Batch resealNextBatch(TenantId tenant, int size) {
        int examined = 0;
        int resealed = 0;
        for (Sealed table : TABLES) {
            if (examined < size) {
                Batch batch = reseal(table, tenant, size - examined);
                examined += batch.examined();
                resealed += batch.resealed();
            }
        }
        return new Batch(examined, resealed);
    }

    /** A row no configured key opens is left as it is (and logged), so it cannot stall the rest. */
    private Batch reseal(Sealed t, TenantId tenant, int size) {
        record Row(String tenant, String id, String owner, String sealed) {
        }
        List<Row> rows = Sql.query(jdbc, "select tenant_id, id::text as id, " + t.owner() + " as owner, " + t.column() + " as sealed from "
                        + t.table() + " where tenant_id = ? and " + t.column() + " is not null and " + t.column() + " not like ? limit " + size
                        + " for update skip locked",
                rs -> new Row(rs.getString("tenant_id"), rs.getString("id"), rs.getString("owner"), rs.getString("sealed")),
                tenant.value(), box.prefix() + "%");
        int resealed = 0;
        for (Row row : rows) {
            String again;
            try {
                again = box.seal(box.open(row.sealed(), row.owner()), row.owner());
            } catch (IllegalStateException e) {
                LOG.error("Stored secrets of {} {} cannot be opened with any configured key; left as they are", t.table(), row.owner());
                continue;
            }
            resealed += Sql.update(jdbc, "update " + t.table() + " set " + t.column() + " = ? where tenant_id = ? and id::text = ? and "
                    + t.column() + " = ?", again, row.tenant(), row.id(), row.sealed());
        }
        return new Batch(rows.size(), resealed);
    }
}
