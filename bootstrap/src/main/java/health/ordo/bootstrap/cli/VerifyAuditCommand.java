package health.ordo.bootstrap.cli;

import health.ordo.application.port.in.audit.AuditUseCase;
import health.ordo.application.port.in.tenant.ManageTenantsUseCase;
import health.ordo.domain.audit.AuditEntry;
import health.ordo.domain.shared.TenantId;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** Chains what is pending, then checks every tenant's audit hash chain (or the named ones). */
@Prototype
@Command(name = "verify-audit", mixinStandardHelpOptions = true,
        description = "Check each tenant's audit hash chain from its first entry; exit 1 when any chain is broken.")
final class VerifyAuditCommand implements Callable<Integer> {

    @Option(names = "--tenant", paramLabel = "ID", description = "a tenant to check (repeatable; default: every tenant)")
    List<String> tenants;

    @Inject
    AuditUseCase audit;
    @Inject
    ManageTenantsUseCase tenantDirectory;
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<String> ids = tenants != null ? tenants : tenantDirectory.list().stream().map(ManageTenantsUseCase.TenantSummary::id).toList();
        boolean intact = true;
        for (String id : ids) {
            AuditEntry.Verification result = audit.verify(TenantId.of(id));
            if (result.intact()) {
                out.printf("%s: intact, %d entries%n", id, result.checked());
            } else {
                intact = false;
                out.printf("%s: BROKEN at entry %d after %d good entries: %s%n", id, result.firstBrokenSeq(), result.checked(), result.reason());
            }
            out.flush();
        }
        out.printf("%d tenant(s) checked, %s%n", ids.size(), intact ? "every chain intact" : "a chain is broken");
        return intact ? OrdoCli.OK : OrdoCli.FAILED;
    }
}
