package health.ordo.application.service.tenant;

import health.ordo.application.port.in.sla.ManageSlaUseCase;
import health.ordo.application.port.in.tenant.ManageTenantsUseCase;
import health.ordo.application.port.in.tenant.TenantExistsException;
import health.ordo.application.port.in.tenant.TenantNotFoundException;
import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.application.port.out.tenant.TenantDirectoryPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.sla.BusinessCalendar;
import health.ordo.domain.sla.EscalationAction;
import health.ordo.domain.sla.SlaPolicy;
import health.ordo.domain.sla.SlaStage;
import health.ordo.domain.sla.SlaTerms;
import health.ordo.domain.tenant.Branding;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
import health.ordo.domain.workitem.WorkItemType;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tenant provisioning without a redeploy: the tenant, its first admin, a default business calendar and default SLA
 * policies (denials 2/5 business days, invoice holds and payment blocks 1/3, payroll exceptions 4/8 business hours,
 * onboarding 2/5 days), with escalation before breach. Branding is per tenant, with Ordo's look until set.
 */
public final class TenantAdministrationService implements ManageTenantsUseCase {

    /** The platform's own tenant, home of the platform admins; it holds no work. */
    public static final TenantId PLATFORM = TenantId.of("platform");

    private final ProvisionTenantUseCase provision;
    private final ManageSlaUseCase sla;
    private final TenantDirectoryPort directory;
    private final TransactionPort transactions;

    public TenantAdministrationService(ProvisionTenantUseCase provision, ManageSlaUseCase sla, TenantDirectoryPort directory,
                                       TransactionPort transactions) {
        this.provision = provision;
        this.sla = sla;
        this.directory = directory;
        this.transactions = transactions;
    }

    @Override
    public TenantSummary create(String slug, String name, FirstAdmin admin, String timeZone) {
        InvalidValueException.require(slug != null && slug.matches("[a-z0-9][a-z0-9-]{1,62}"), "slug",
                "slug is 2-63 lower-case letters, digits or dashes");
        InvalidValueException.require(!slug.equals(PLATFORM.value()), "slug", "slug " + slug + " is reserved");
        InvalidValueException.require(name != null && !name.isBlank() && name.length() <= 200, "name", "name is required, at most 200 characters");
        InvalidValueException.require(admin != null && admin.username() != null, "admin.username", "admin.username is required");
        Login login;
        try {
            login = Login.parse(admin.username());
        } catch (InvalidValueException e) {
            throw new InvalidValueException("admin.username", e.getMessage());
        }
        InvalidValueException.require(login.tenant().value().equals(slug), "admin.username", "the admin's username must end with @" + slug);
        InvalidValueException.require(admin.password() != null, "admin.password", "admin.password is required");
        String zone = timeZone == null ? "America/New_York" : timeZone;
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidValueException("timeZone", "unknown time zone " + zone);
        }
        TenantId tenant = TenantId.of(slug);
        if (transactions.readOnly(tenant, () -> directory.tenant(tenant)).isPresent()) {
            throw new TenantExistsException(slug);
        }
        try {
            if (!provision.provision(tenant, name.strip(), List.of(new ProvisionTenantUseCase.NewUser(login,
                    admin.displayName() == null ? login.user() : admin.displayName(), admin.password(), Set.of(Role.TENANT_ADMIN))))) {
                throw new TenantExistsException(slug);
            }
        } catch (InvalidValueException e) {
            throw new InvalidValueException(e.field().equals("password") ? "admin.password" : e.field(), e.getMessage());
        }
        BusinessCalendar standard = BusinessCalendar.standard(tenant, zone);
        sla.saveCalendar(new BusinessCalendar(tenant, "default", zone, standard.hours(), Set.of(), List.of()));
        for (Map.Entry<WorkItemType, SlaTerms> terms : Map.of(
                WorkItemType.CLAIM_DENIAL, new SlaTerms(Duration.ofHours(16), Duration.ofHours(40), 80),
                WorkItemType.UNDERPAYMENT, new SlaTerms(Duration.ofHours(16), Duration.ofHours(40), 80),
                WorkItemType.INVOICE_HOLD, new SlaTerms(Duration.ofHours(8), Duration.ofHours(24), 75),
                WorkItemType.PAYMENT_BLOCK, new SlaTerms(Duration.ofHours(8), Duration.ofHours(24), 75),
                WorkItemType.PAYMENT_EXCEPTION, new SlaTerms(Duration.ofHours(4), Duration.ofHours(8), 75),
                WorkItemType.EMPLOYEE_ONBOARDING, new SlaTerms(Duration.ofHours(16), Duration.ofHours(40), 80)).entrySet()) {
            sla.savePolicy(new SlaPolicy(tenant, "default-" + terms.getKey().name().toLowerCase().replace('_', '-'), 0, terms.getKey(),
                    List.of(), "default", terms.getValue(), List.of(
                    new EscalationAction(SlaStage.DEADLINE_APPROACHING, BigDecimal.TEN, null, null, true),
                    new EscalationAction(SlaStage.DEADLINE_REACHED, BigDecimal.valueOf(20), null, null, true)),
                    Duration.ofHours(8), true));
        }
        return transactions.readOnly(tenant, () -> directory.tenant(tenant)).orElseThrow(() -> new TenantNotFoundException(slug));
    }

    @Override
    public List<TenantSummary> list() {
        return transactions.readAcrossTenants(directory::tenants);
    }

    @Override
    public Branding branding(TenantId tenant) {
        return transactions.readOnly(tenant, () -> directory.branding(tenant).orElseGet(() -> directory.tenant(tenant)
                .map(t -> Branding.standard(tenant, t.name())).orElseThrow(() -> new TenantNotFoundException(tenant.value()))));
    }

    @Override
    public Branding brand(Branding branding) {
        return transactions.inTransaction(branding.tenant(), () -> {
            if (directory.tenant(branding.tenant()).isEmpty()) {
                throw new TenantNotFoundException(branding.tenant().value());
            }
            directory.saveBranding(branding);
            return branding;
        });
    }
}
