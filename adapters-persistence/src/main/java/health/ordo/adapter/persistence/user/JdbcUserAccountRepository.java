package health.ordo.adapter.persistence.user;

import health.ordo.adapter.persistence.Sql;
import health.ordo.application.port.out.user.LoadUserAccountPort;
import health.ordo.application.port.out.user.UpdateUserAccountPort;
import health.ordo.application.port.out.user.SaveTenantPort;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
import health.ordo.domain.user.UserAccount;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Tenants and user accounts in PostgreSQL; both inserts are idempotent. */
@Singleton
class JdbcUserAccountRepository implements LoadUserAccountPort, SaveTenantPort, UpdateUserAccountPort {

    private final JdbcOperations jdbc;

    JdbcUserAccountRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<UserAccount> loadUserAccount(Login login) {
        String sql = """
                select display_name, password_hash, roles, enabled from user_account
                where tenant_id = ? and username = ?""";
        return Sql.prepare(jdbc, sql, statement -> {
            statement.setString(1, login.tenant().value());
            statement.setString(2, login.user());
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Array roles = rs.getArray("roles");
                return Optional.of(new UserAccount(login, rs.getString("display_name"), rs.getString("password_hash"),
                        Arrays.stream((String[]) roles.getArray()).map(Role::valueOf).collect(Collectors.toSet()),
                        rs.getBoolean("enabled")));
            }
        });
    }

    @Override
    public boolean createTenantIfAbsent(TenantId tenant, String name) {
        return Sql.prepare(jdbc, "insert into tenant (id, name) values (?, ?) on conflict (id) do nothing", statement -> {
            statement.setString(1, tenant.value());
            statement.setString(2, name);
            return statement.executeUpdate() == 1;
        });
    }

    @Override
    public boolean setEnabled(Login login, boolean enabled) {
        return Sql.update(jdbc, "update user_account set enabled = ? where tenant_id = ? and username = ?", enabled,
                login.tenant().value(), login.user()) == 1;
    }

    @Override
    public void createUserAccountIfAbsent(UserAccount account) {
        String sql = """
                insert into user_account (tenant_id, username, display_name, password_hash, roles, enabled)
                values (?, ?, ?, ?, ?, ?) on conflict (tenant_id, username) do nothing""";
        Sql.prepare(jdbc, sql, statement -> {
            statement.setString(1, account.login().tenant().value());
            statement.setString(2, account.login().user());
            statement.setString(3, account.displayName());
            statement.setString(4, account.passwordHash());
            statement.setArray(5, statement.getConnection().createArrayOf("text",
                    account.roles().stream().map(Enum::name).sorted().toArray()));
            statement.setBoolean(6, account.enabled());
            return statement.executeUpdate();
        });
    }
}
