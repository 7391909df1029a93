package health.ordo.bootstrap.cli;

import health.ordo.application.port.in.tenant.ManageTenantsUseCase;
import health.ordo.application.port.in.user.ManageUserAccessUseCase;
import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** Adds a user account to an existing tenant (roles from the permission matrix; PLATFORM_ADMIN only in tenant {@code platform}). */
@Prototype
@Command(name = "create-user", mixinStandardHelpOptions = true,
        description = "Add a user account to an existing tenant; exit 1 when the tenant does not exist or the user already does.")
final class CreateUserCommand implements Callable<Integer> {

    @Option(names = "--username", required = true, paramLabel = "USER@TENANT", description = "the login; its tenant must exist")
    String username;
    @Option(names = "--name", description = "the display name (default: the part before @)")
    String displayName;
    @Option(names = "--role", required = true, paramLabel = "ROLE",
            description = "WORKER, SUPERVISOR, TENANT_ADMIN, INTEGRATION or PLATFORM_ADMIN (repeatable)")
    Set<Role> roles;
    @Option(names = "--password-file", paramLabel = "FILE",
            description = "file holding the password (at least 12 characters); default: the ORDO_NEW_USER_PASSWORD variable")
    Path passwordFile;

    @Inject
    ManageTenantsUseCase tenants;
    @Inject
    ManageUserAccessUseCase access;
    @Inject
    ProvisionTenantUseCase provisioning;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Login login = Login.parse(username);
        boolean platform = "platform".equals(login.tenant().value());
        if (roles.contains(Role.PLATFORM_ADMIN) != platform) {
            throw new IllegalArgumentException("PLATFORM_ADMIN is the one role of tenant platform, and only it");
        }
        ManageTenantsUseCase.TenantSummary tenant = tenants.list().stream().filter(t -> t.id().equals(login.tenant().value()))
                .findFirst().orElse(null);
        if (tenant == null && !platform) {
            spec.commandLine().getErr().printf("tenant %s does not exist: create it first (create-tenant)%n", login.tenant().value());
            return OrdoCli.FAILED;
        }
        if (access.known(login)) {
            spec.commandLine().getErr().printf("user %s already exists%n", login);
            return OrdoCli.FAILED;
        }
        String password = Passwords.read(spec, passwordFile);
        provisioning.provision(login.tenant(), tenant != null ? tenant.name() : "Platform", List.of(new ProvisionTenantUseCase.NewUser(login,
                displayName == null ? login.user() : displayName, password, roles)));
        spec.commandLine().getOut().printf("created user %s with roles %s%n", login, roles);
        return OrdoCli.OK;
    }
}
