package health.ordo.adapter.persistence.tenant;

import health.ordo.adapter.persistence.Sql;
import health.ordo.application.port.in.tenant.ManageTenantsUseCase.TenantSummary;
import health.ordo.application.port.out.tenant.TenantDirectoryPort;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.tenant.Branding;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** {@code tenant} and {@code tenant_branding}. */
@Singleton
class JdbcTenantDirectory implements TenantDirectoryPort {

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    JdbcTenantDirectory(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<TenantSummary> tenants() {
        return Sql.query(jdbc, "select id, name, created_at from tenant order by id", rs -> new TenantSummary(rs.getString("id"),
                rs.getString("name"), rs.getObject("created_at", OffsetDateTime.class).toInstant()));
    }

    @Override
    public Optional<TenantSummary> tenant(TenantId tenant) {
        return Sql.query(jdbc, "select id, name, created_at from tenant where id = ?", rs -> new TenantSummary(rs.getString("id"),
                rs.getString("name"), rs.getObject("created_at", OffsetDateTime.class).toInstant()), tenant.value()).stream().findFirst();
    }

    @Override
    public Optional<Branding> branding(TenantId tenant) {
        return Sql.query(jdbc, "select * from tenant_branding where tenant_id = ?", rs -> {
            try {
                return new Branding(tenant, rs.getString("display_name"), rs.getString("logo_url"), rs.getString("primary_color"),
                        rs.getString("accent_color"), json.readValue(rs.getString("terminology"), Argument.mapOf(String.class, String.class)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, tenant.value()).stream().findFirst();
    }

    @Override
    public void saveBranding(Branding b) {
        String terminology;
        try {
            terminology = json.writeValueAsString(b.terminology());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Sql.update(jdbc, """
                insert into tenant_branding (tenant_id, display_name, logo_url, primary_color, accent_color, terminology, updated_at)
                values (?, ?, ?, ?, ?, ?::jsonb, now())
                on conflict (tenant_id) do update set display_name = excluded.display_name, logo_url = excluded.logo_url,
                    primary_color = excluded.primary_color, accent_color = excluded.accent_color, terminology = excluded.terminology,
                    updated_at = now()""", b.tenant().value(), b.displayName(), b.logoUrl(), b.primaryColor(), b.accentColor(), terminology);
    }
}
