package health.ordo.bootstrap.cli;

import health.ordo.application.port.in.tenant.ManageTenantsUseCase;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.concurrent.Callable;

/** Provisions a tenant with its first TENANT_ADMIN, default business calendar and SLA policies (as {@code POST /api/v1/tenants}). */
@Prototype
@Command(name = "create-tenant", mixinStandardHelpOptions = true,
        description = "Create a tenant with its first administrator, default business calendar and SLA policies.")
final class CreateTenantCommand implements Callable<Integer> {

    @Option(names = "--id", required = true, paramLabel = "SLUG", description = "the tenant's id: 2-63 lower-case letters, digits or dashes")
    String id;
    @Option(names = "--name", required = true, description = "the tenant's display name")
    String name;
    @Option(names = "--admin", required = true, paramLabel = "USER@TENANT", description = "the first administrator's username (ending in @<id>)")
    String admin;
    @Option(names = "--admin-name", description = "the administrator's display name")
    String adminName;
    @Option(names = "--time-zone", description = "the default business calendar's zone (default: America/New_York)")
    String timeZone;
    @Option(names = "--password-file", paramLabel = "FILE",
            description = "file holding the administrator's password (at least 12 characters); default: the ORDO_NEW_USER_PASSWORD variable")
    java.nio.file.Path passwordFile;

    @Inject
    ManageTenantsUseCase tenants;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String password = Passwords.read(spec, passwordFile);
        ManageTenantsUseCase.TenantSummary created = tenants.create(id, name, new ManageTenantsUseCase.FirstAdmin(admin, password, adminName), timeZone);
        spec.commandLine().getOut().printf("created tenant %s (%s) with administrator %s%n", created.id(), created.name(), admin);
        return OrdoCli.OK;
    }
}
