package health.ordo.adapter.persistence.claims;

import health.ordo.adapter.persistence.Sql;
import health.ordo.application.port.out.claims.CodeSetPort;
import health.ordo.domain.claims.CodeSet;
import health.ordo.domain.claims.CodeSetText;
import health.ordo.domain.shared.TenantId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's code sets in {@code code_set} (under row-level security), the deployment's in {@code code_set_published};
 * each version whole, as code-list text.
 */
@Singleton
class JdbcCodeSets implements CodeSetPort {

    private final JdbcOperations jdbc;
    /** Code sets parsed, by tenant (or null for the deployment) and version; a version is never changed once loaded. */
    private final java.util.Map<String, CodeSet> parsed = new java.util.concurrent.ConcurrentHashMap<>();

    JdbcCodeSets(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CodeSet> inForce(TenantId tenant) {
        // which version is in force is read every time (cheap); its 1,600-odd codes are read and parsed once per node
        Optional<String[]> newest = Sql.query(jdbc, """
                (select tenant_id, version, 0 as rank, loaded_at from code_set where tenant_id = ?
                 union all
                 select null, version, 1 as rank, loaded_at from code_set_published)
                order by rank, loaded_at desc limit 1""", rs -> new String[]{rs.getString(1), rs.getString(2)}, tenant.value())
                .stream().findFirst();
        return newest.map(key -> parsed.computeIfAbsent(key[0] + "|" + key[1], k -> read(key[0], key[1])));
    }

    @Override
    public Optional<CodeSet> deploymentInForce() {
        return Sql.query(jdbc, "select version from code_set_published order by loaded_at desc limit 1", rs -> rs.getString(1))
                .stream().findFirst().map(version -> parsed.computeIfAbsent("null|" + version, k -> read(null, version)));
    }

    @Override
    public boolean exists(TenantId tenant, String version) {
        return tenant == null
                ? !Sql.query(jdbc, "select 1 from code_set_published where version = ?", rs -> 1, version).isEmpty()
                : !Sql.query(jdbc, "select 1 from code_set where tenant_id = ? and version = ?", rs -> 1, tenant.value(), version).isEmpty();
    }

    private CodeSet read(String tenant, String version) {
        String sql = tenant == null ? "select carc, rarc from code_set_published where version = ?"
                : "select carc, rarc from code_set where tenant_id = ? and version = ?";
        Object[] params = tenant == null ? new Object[]{version} : new Object[]{tenant, version};
        return Sql.query(jdbc, sql, rs -> CodeSet.of(version, CodeSetText.carc(rs.getString(1)), CodeSetText.rarc(rs.getString(2))), params)
                .get(0);
    }

    @Override
    public void save(TenantId tenant, CodeSet codes, String loadedBy, Instant at) {
        String carc = CodeSetText.carcText(codes.carc().values().stream().sorted(java.util.Comparator.comparing(c -> c.code())).toList());
        String rarc = CodeSetText.rarcText(codes.rarc().values().stream().sorted(java.util.Comparator.comparing(c -> c.code())).toList());
        if (tenant == null) {
            Sql.update(jdbc, "insert into code_set_published (version, loaded_by, loaded_at, carc, rarc) values (?, ?, ?, ?, ?)",
                    codes.version(), loadedBy, at, carc, rarc);
        } else {
            Sql.update(jdbc, "insert into code_set (tenant_id, version, loaded_by, loaded_at, carc, rarc) values (?, ?, ?, ?, ?, ?)",
                    tenant.value(), codes.version(), loadedBy, at, carc, rarc);
        }
    }

    @Override
    public List<Loaded> loaded(TenantId tenant) {
        // the codes of each version counted where the texts are, so only the counts travel
        return Sql.query(jdbc, """
                select version, true, loaded_by, loaded_at, %1$s, %2$s from code_set where tenant_id = ?
                union all
                select version, false, loaded_by, loaded_at, %1$s, %2$s from code_set_published
                order by 4 desc""".formatted(codeLines("carc"), codeLines("rarc")),
                rs -> new Loaded(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant(),
                        rs.getInt(5), rs.getInt(6)), tenant.value());
    }

    /** The lines of a code list that hold a code: neither blank nor a {@code #} comment (as {@code CodeSetText} reads them). */
    private static String codeLines(String column) {
        return "(select count(*) from regexp_split_to_table(" + column + ", '\\n') as line where line !~ '^\\s*$' and line not like '#%')::int";
    }
}
