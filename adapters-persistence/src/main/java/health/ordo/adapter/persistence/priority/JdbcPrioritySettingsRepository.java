package health.ordo.adapter.persistence.priority;

import health.ordo.adapter.persistence.Sql;
import health.ordo.application.port.in.priority.PrioritySettings;
import health.ordo.application.port.out.priority.PrioritySettingsPort;
import health.ordo.domain.shared.TenantId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;

/** A tenant's prioritization settings in PostgreSQL (upsert). */
@Singleton
class JdbcPrioritySettingsRepository implements PrioritySettingsPort {

    private final JdbcOperations jdbc;

    JdbcPrioritySettingsRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PrioritySettings> load(TenantId tenant) {
        return Sql.prepare(jdbc, "select override_reason_codes, approval_threshold_points from priority_settings where tenant_id = ?",
                statement -> {
                    statement.setString(1, tenant.value());
                    try (ResultSet rs = statement.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.empty();
                        }
                        return Optional.of(new PrioritySettings(List.of((String[]) rs.getArray(1).getArray()), rs.getBigDecimal(2)));
                    }
                });
    }

    @Override
    public void save(TenantId tenant, PrioritySettings settings) {
        String sql = """
                insert into priority_settings (tenant_id, override_reason_codes, approval_threshold_points) values (?, ?, ?)
                on conflict (tenant_id) do update set override_reason_codes = excluded.override_reason_codes,
                    approval_threshold_points = excluded.approval_threshold_points""";
        Sql.prepare(jdbc, sql, statement -> {
            statement.setString(1, tenant.value());
            statement.setArray(2, statement.getConnection().createArrayOf("text", settings.overrideReasonCodes().toArray()));
            statement.setBigDecimal(3, settings.approvalThresholdPoints());
            return statement.executeUpdate();
        });
    }
}
